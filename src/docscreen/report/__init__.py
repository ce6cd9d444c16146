"""Reports: ``json`` (the versioned report dict, ``report.schema.json``), ``jsonl`` and ``text``
renderers, and ``redact`` (the one place that masks values)."""
