"""Outreach message templates: YAML files, bundled and the user's own, filled in per contact."""

from informa.templates.loader import (
    CHANNELS,
    LINKEDIN_NOTE_LIMIT,
    PLACEHOLDERS,
    TEMPLATES_DIRNAME,
    Template,
    TemplateSet,
    bundled_templates_dir,
    check_rendered,
    load_template_file,
    load_templates,
    outreach_fields,
    render,
    render_subject,
    suggested_order,
    user_templates_dir,
)

__all__ = [
    "CHANNELS",
    "LINKEDIN_NOTE_LIMIT",
    "PLACEHOLDERS",
    "TEMPLATES_DIRNAME",
    "Template",
    "TemplateSet",
    "bundled_templates_dir",
    "check_rendered",
    "load_template_file",
    "load_templates",
    "outreach_fields",
    "render",
    "render_subject",
    "suggested_order",
    "user_templates_dir",
]
