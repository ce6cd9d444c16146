"""Text normalisation for the recognizers, with an offset map back to the original text.

>>> n = normalize("SSN: １２３－４５－６７８９")
>>> n.text
'SSN: 123-45-6789'
>>> n.to_original(5, 16)
(5, 16)

See :mod:`docscreen.normalize.text` for the rules and :mod:`docscreen.normalize.offsets` for
the offset map.
"""

from .offsets import Normalized
from .text import normalize

__all__ = ["Normalized", "normalize"]
