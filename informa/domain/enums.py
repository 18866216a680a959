"""The domain's closed vocabularies: stages, sources, kinds of activity, consent, call status,
and the pipeline's views. Apart from the value types (``model``, which re-exports all of
this) so that the first screen, which needs only these, does not build the dataclasses."""

from __future__ import annotations

from enum import StrEnum


class Stage(StrEnum):
    """Where a contact is in the pipeline, in order."""

    PROSPECT = "prospect"
    REACHED_OUT = "reached_out"
    SCHEDULED = "scheduled"
    INTERVIEWED = "interviewed"
    IN_TOUCH = "in_touch"
    CLOSED = "closed"

    @property
    def label(self) -> str:
        return _STAGE_LABELS[self]

    @property
    def position(self) -> int:
        return list(Stage).index(self)

    def next(self) -> Stage:
        stages = list(Stage)
        return stages[min(self.position + 1, len(stages) - 1)]

    def previous(self) -> Stage:
        return list(Stage)[max(self.position - 1, 0)]

    def after(self, kind: ActivityKind) -> Stage:
        """Where logging ``kind`` takes a contact: sending the first outreach moves a
        prospect to Reached out; nothing else moves anyone on its own."""
        if kind is ActivityKind.OUTREACH and self is Stage.PROSPECT:
            return Stage.REACHED_OUT
        return self


_STAGE_LABELS = {
    Stage.PROSPECT: "Prospect",
    Stage.REACHED_OUT: "Reached out",
    Stage.SCHEDULED: "Scheduled",
    Stage.INTERVIEWED: "Interviewed",
    Stage.IN_TOUCH: "In touch",
    Stage.CLOSED: "Closed",
}


class Source(StrEnum):
    """How the user found a contact."""

    LINKEDIN = "linkedin"
    ALUMNI = "alumni"
    ASSOCIATION = "association"
    EVENT = "event"
    COMMUNITY = "community"
    REFERRAL = "referral"
    COLD = "cold"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _SOURCE_LABELS[self]


_SOURCE_LABELS = {
    Source.LINKEDIN: "LinkedIn",
    Source.ALUMNI: "Alumni network",
    Source.ASSOCIATION: "Professional association",
    Source.EVENT: "Event / meetup",
    Source.COMMUNITY: "Online community",
    Source.REFERRAL: "Referral",
    Source.COLD: "Cold",
    Source.OTHER: "Other",
}


class ActivityKind(StrEnum):
    """What happened, in a contact's timeline."""

    CONNECTED = "connected"
    OUTREACH = "outreach"
    REPLY = "reply"
    MESSAGE = "message"
    CALL = "call"
    THANK_YOU = "thank_you"
    CHECK_IN = "check_in"
    STAGE_CHANGE = "stage_change"
    NOTE = "note"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize().replace("Thank you", "Thank-you")

    @property
    def is_interaction(self) -> bool:
        """Interactions with the person reset the stay-in-touch clock; bookkeeping does not."""
        return self not in (ActivityKind.STAGE_CHANGE, ActivityKind.NOTE)


class Consent(StrEnum):
    """Did the contact agree to the call being recorded?"""

    YES = "yes"
    NO = "no"
    NOT_ASKED = "not_asked"


class InterviewStatus(StrEnum):
    PLANNED = "planned"
    SCHEDULED = "scheduled"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"


DUE = "due"
ALL = "all"
VIEWS: tuple[str, ...] = (DUE, ALL, *(stage.value for stage in Stage))
"""What the pipeline can show: the due list, everyone, or one stage (by its value)."""


def view_label(view: str) -> str:
    if view == DUE:
        return "Due"
    if view == ALL:
        return "All"
    return Stage(view).label
