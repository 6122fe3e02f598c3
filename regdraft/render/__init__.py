"""Output formats: terminal text, HTML (Jinja2), PDF (WeasyPrint) and DOCX (python-docx)."""
