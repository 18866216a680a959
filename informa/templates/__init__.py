"""Message templates (outreach, and thank-yous after a call): YAML files, bundled and the
user's own, filled in per contact."""

from informa.domain.thanks import LINKEDIN_NOTE_LIMIT, THANK_YOU_PLACEHOLDERS
from informa.paths import TEMPLATES_DIRNAME
from informa.templates.loader import (
    CHANNELS,
    PLACEHOLDERS,
    THANK_YOU,
    THANK_YOU_CHANNELS,
    Template,
    TemplateSet,
    bundled_templates_dir,
    check_rendered,
    load_template_file,
    load_templates,
    load_thank_you_templates,
    outreach_fields,
    render,
    render_subject,
    render_thank_you,
    render_thank_you_subject,
    suggested_order,
    user_templates_dir,
)

__all__ = [
    "CHANNELS",
    "LINKEDIN_NOTE_LIMIT",
    "PLACEHOLDERS",
    "TEMPLATES_DIRNAME",
    "THANK_YOU",
    "THANK_YOU_CHANNELS",
    "THANK_YOU_PLACEHOLDERS",
    "Template",
    "TemplateSet",
    "bundled_templates_dir",
    "check_rendered",
    "load_template_file",
    "load_templates",
    "load_thank_you_templates",
    "outreach_fields",
    "render",
    "render_subject",
    "render_thank_you",
    "render_thank_you_subject",
    "suggested_order",
    "user_templates_dir",
]
