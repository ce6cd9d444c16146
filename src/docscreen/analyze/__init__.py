"""Detection: Presidio analysis of extracted text (the offline spaCy pipeline lives in ``nlp``)."""
