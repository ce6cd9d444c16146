"""Reports: renderers (to come) and redact.py, the one place that masks values."""
