"""The table of keys: every action of the app, declared once.

Each row is one binding of one scope (a screen, a dialog or a widget). Screens take their
``BINDINGS`` from it (``bindings("call")``), the command palette its commands, the help panel
its key lines (with the keys the user's ``keys:`` in ``settings.yaml`` put in effect) and the
README its key tables (``python -m informa.ui.keys --readme README.md`` rewrites them).

Pure data, loaded before the first frame: NamedTuples, no dataclasses (see CONTRIBUTING).
"""

from __future__ import annotations

from typing import NamedTuple

from informa.domain.enums import Stage


class Key(NamedTuple):
    """One action of one scope and the key(s) that run it."""

    id: str
    """The binding id users remap in ``settings.yaml`` (``keys: {call_end: f12}``). The same id
    in two scopes is the same action (``dialog_save`` saves any dialog); ``""``: a list's own
    moves, not remappable."""
    keys: str
    """Default keys, Textual's names, comma-separated."""
    scope: str
    """Where it acts: ``app``, a screen, a dialog, a widget (see ``SCOPES``)."""
    action: str
    label: str
    """The key bar's and the key panel's text."""
    tooltip: str = ""
    title: str = ""
    """In the command palette (default: the label)."""
    summary: str = ""
    """The palette's help line (default: the tooltip)."""
    line: str = ""
    """What it does, in the help panel and the README (default: the tooltip)."""
    group: str = ""
    """Keys of one scope with the same group share a line, whose text this is."""
    show: bool = True
    """In the key bar."""
    priority: bool = False
    """Before the focused widget's own keys (the call's notes editor binds some itself)."""
    palette: bool = True
    """Offered in the command palette (off where Textual's own command does it)."""
    rank: int = 0
    """How hard the key bar keeps it in view when the screen's keys do not all fit: the
    lower-ranked keys are left out first (of equal rank, the later ones), the order stays."""

    @property
    def palette_title(self) -> str:
        return self.title or self.label

    @property
    def palette_help(self) -> str:
        return self.summary or self.tooltip.removesuffix(".")

    @property
    def help_line(self) -> str:
        text = self.group or self.line or self.tooltip.removesuffix(".")
        if len(text) > 1 and text[0].isupper() and text[1].islower():
            return text[0].lower() + text[1:]
        return text


def _nav(scope: str, keys: str, action: str, label: str, group: str) -> Key:
    """A list's own move: no id, not in the key bar or the palette."""
    return Key("", keys, scope, action, label, group=group, show=False, palette=False)


_VIEWS = "show that list"
_TAGS = "tag the line `A:` / `I:` / `R:` / `TODO:` (again: untag)"
_STAGE_MOVES = "move through the views (`shift+tab` from the list); the list follows"
_CONTACT_MOVES = "move through the contacts"
_DOCUMENT = "in a text box: to the start / end of the text (with `shift`: select to there)"

# fmt: off
# One row per line or few: a table to read down (ruff's one-argument-a-line is not).
KEYS: tuple[Key, ...] = (
    # -- everywhere -----------------------------------------------------------------------
    Key("help", "f1", "app", "toggle_help", "Help", "Show or hide the keys panel.",
        group="show or hide the help panel", palette=False),  # Textual's "Keys" does
    Key("help_alt", "question_mark", "app", "toggle_help", "Help",
        group="show or hide the help panel", show=False, palette=False),
    Key("quit", "ctrl+q", "app", "quit", "Quit", "Quit informa.", priority=True, palette=False),
    Key("search", "ctrl+f", "app", "search", "Search",
        "Search notes, research, contacts and companies.",
        summary="Notes, research, contacts and companies, best matches first",
        show=False),  # shown, it would be on every screen's key bar
    # -- the pipeline ---------------------------------------------------------------------
    Key("new_contact", "n", "pipeline", "new_contact", "New", "Add a contact.", title="New contact",
        summary="Add someone to the pipeline", rank=3),
    Key("edit_contact", "e", "pipeline", "edit_contact", "Edit", "Edit this contact.",
        title="Edit contact", summary="Edit the highlighted contact", rank=3),
    Key("log", "l", "pipeline", "log_interaction", "Log", "Log an interaction.",
        title="Log interaction",
        summary="Outreach sent, reply received, call, message, check-in, note"),
    Key("next_action", "t", "pipeline", "next_action", "Next", "Set the next action.",
        title="Set next action", summary="What to do next and by when",
        line="set the next action and its due date"),
    Key("schedule_call", "c", "pipeline", "schedule_call", "Schedule", "Schedule a call.",
        title="Schedule call", summary="Date, time, link and length of a call"),
    Key("prepare_call", "p", "pipeline", "prepare_call", "Prepare call",
        "Plan the next call's questions, then start it.", title="Prepare call",
        summary="Plan the questions, check the pitch card, then start",
        line="plan the next call (questions, pitch card, checklist), then start it",
        rank=3),
    Key("start_call", "P", "pipeline", "start_call", "Start call",
        "Open the live call workspace now: notes, questions, timer.", title="Start call now",
        summary="Notes, question checklist and timer for a call now",
        line="start the call now, after a yes (or resume it)", show=False),
    Key("review", "v", "pipeline", "review", "Review", "Agenda, progress, insights and referrals.",
        summary="Agenda, progress against your goal, insights, referral tree",
        line="agenda, progress, insights, referral tree"),
    Key("thank_you", "T", "pipeline", "thank_you", "Thank-you",
        "Draft the thank-you for the last call with this contact.", title="Draft thank-you",
        summary="The thank-you for the last call with this contact", show=False),
    Key("debrief", "b", "pipeline", "debrief", "Debrief",
        "The debrief of this contact's last call.",
        summary="The last call: what it came to, referrals, reflection", show=False),
    Key("outreach", "o", "pipeline", "outreach", "Outreach", "Compose an outreach message.",
        title="Compose outreach",
        summary="Write the first message from a template, checked as you type"),
    Key("next_stage", "right_square_bracket", "pipeline", "next_stage", "Stage→",
        title="Next stage", summary="Move the highlighted contact one stage on",
        group="move to the next / previous stage"),
    Key("previous_stage", "left_square_bracket", "pipeline", "previous_stage", "←Stage",
        title="Previous stage", summary="Move the highlighted contact one stage back",
        group="move to the next / previous stage", show=False),
    Key("move_stage", "m", "pipeline", "move_stage", "Move", "Move to any stage.",
        title="Move to stage…", summary="Pick any stage for the highlighted contact", show=False),
    Key("research", "r", "pipeline", "research", "Research", "Company research.",
        title="Company research", summary="Notes on the company: jargon, competitors, news, links",
        line="company notes: jargon, competitors, news, links"),
    Key("archive", "x", "pipeline", "archive", "Archive", "Archive or restore.",
        title="Archive or restore", summary="Archive to Closed, or restore an archived contact"),
    Key("delete_contact", "delete", "pipeline", "delete_contact", "Delete",
        "Delete this contact (asks first).", title="Delete contact",
        summary="Delete the highlighted contact (asks first)",
        show=False),  # in the help panel and the palette; the key bar is full
    Key("filter", "slash", "pipeline", "filter", "Filter", title="Filter contacts",
        summary="Filter the list as you type",
        line="filter as you type (`esc` clears, `enter` goes back to the list)"),
    Key("sort", "s", "pipeline", "sort", "Sort", title="Sort contacts",
        summary="Sort by the next column", group="by the next column / reverse the order",
        show=False),
    Key("sort_reverse", "S", "pipeline", "sort_reverse", "Reverse sort",
        summary="Reverse the order of the list",
        group="by the next column / reverse the order", show=False),
    Key("view_due", "d", "pipeline", "show_view('due')", "Due", title="Show Due",
        summary="Pipeline: list the contacts in Due", group=_VIEWS, show=False),
    Key("view_all", "a", "pipeline", "show_view('all')", "All", title="Show All",
        summary="Pipeline: list the contacts in All", group=_VIEWS, show=False),
    *(Key(f"view_{stage.value}", str(number), "pipeline", f"show_view('{stage.value}')",
          stage.label, title=f"Show {stage.label}",
          summary=f"Pipeline: list the contacts in {stage.label}", group=_VIEWS, show=False)
      for number, stage in enumerate(Stage, start=1)),
    Key("reload", "f5", "pipeline", "reload", "Reload",
        summary="Read the pipeline again from the database",
        line="read everything again from the database", show=False),
    # The pipeline's lists: their own moves.
    _nav("stages", "up", "move(-1)", "Up", _STAGE_MOVES),
    _nav("stages", "down", "move(1)", "Down", _STAGE_MOVES),
    _nav("stages", "home", "first", "First", _STAGE_MOVES),
    _nav("stages", "end", "last", "Last", _STAGE_MOVES),
    _nav("stages", "pageup", "first", "First", _STAGE_MOVES),
    _nav("stages", "pagedown", "last", "Last", _STAGE_MOVES),
    _nav("stages", "enter", "select", "Show", "from the views, back to the list"),
    _nav("contacts", "up", "cursor(-1)", "Up", _CONTACT_MOVES),
    _nav("contacts", "down", "cursor(1)", "Down", _CONTACT_MOVES),
    _nav("contacts", "pageup", "page(-1)", "Page up", _CONTACT_MOVES),
    _nav("contacts", "pagedown", "page(1)", "Page down", _CONTACT_MOVES),
    _nav("contacts", "home", "first", "First", _CONTACT_MOVES),
    _nav("contacts", "end", "last", "Last", _CONTACT_MOVES),
    _nav("contacts", "enter", "select", "Open", "edit the highlighted contact"),
    # Every text box of several lines (the notes, the debrief, research, the dialogs' drafts).
    _nav("text", "ctrl+home", "document_start", "Start", _DOCUMENT),
    _nav("text", "ctrl+end", "document_end", "End", _DOCUMENT),
    _nav("text", "ctrl+shift+home", "document_start(True)", "Select to start", _DOCUMENT),
    _nav("text", "ctrl+shift+end", "document_end(True)", "Select to end", _DOCUMENT),
    # -- preparing a call -------------------------------------------------------------------
    Key("prepare_start", "f5", "prepare", "start", "Start call", "Start the call now.",
        rank=3),
    Key("prepare_suggest", "g", "prepare", "suggest", "Suggest plan", "Suggest a full plan.",
        line="an opener, two or three questions per core topic, and the closing"),
    Key("prepare_own", "o", "prepare", "one_off", "Own question", "Add a question of your own.",
        title="Add your own question"),
    Key("prepare_search", "slash", "prepare", "search", "Search", "Search the banks.",
        title="Search the banks", summary="Find questions in the banks as you type"),
    Key("prepare_pitch", "e", "prepare", "edit_pitch", "Pitch", "Edit your pitch card.",
        title="Edit pitch card"),
    Key("prepare_back", "escape", "prepare", "back", "Back", "Back to the pipeline.",
        title="Back to the pipeline",
        line="back to the pipeline (the plan stays); in the search: close it"),
    Key("plan_remove", "delete,x,backspace", "plan", "remove", "Remove",
        "Take the question out of the plan.", title="Remove from the plan"),
    Key("plan_move_up", "shift+up,alt+up", "plan", "move(-1)", "Move up",
        "Ask this question earlier.", title="Ask earlier", group="move the question in the plan"),
    Key("plan_move_down", "shift+down,alt+down", "plan", "move(1)", "Move down",
        "Ask this question later.", title="Ask later", group="move the question in the plan"),
    # -- the call (priority: the notes editor keeps the focus and binds f6 and f7 itself) ----
    Key("call_ask", "f2", "call", "ask", "Asked",
        "Mark the question at the cursor asked and start its notes.", title="Question asked",
        line="writes `## [07:42] the question` into the notes: its answer goes under it",
        priority=True, rank=1),
    Key("call_skip", "f3", "call", "skip", "Skip",
        "Skip the question at the cursor (again: un-skip).", title="Skip question",
        line="skip the question (again: un-skip)", priority=True),
    Key("call_next_question", "alt+down,ctrl+down", "call", "next_question", "Next question",
        "Move the question cursor down.", group="move the checklist cursor", show=False,
        priority=True),
    Key("call_previous_question", "alt+up,ctrl+up", "call", "previous_question",
        "Previous question", "Move the question cursor up.", group="move the checklist cursor",
        show=False, priority=True),
    Key("call_pitch", "f4", "call", "toggle_pitch", "Pitch", "Show or hide your pitch card.",
        title="Pitch card", priority=True),
    Key("call_panel", "f12,ctrl+n", "call", "toggle_panel", "Panel",
        "Under 120 columns: the checklist and the pitch card beside the notes, or the clock and "
        "the question in a strip above them (remembered).", title="Show or hide the side panel",
        line="under 120 columns: the checklist and pitch card beside the notes, or a strip "
        "above them with the clock and the question (remembered)", priority=True, rank=2),
    Key("call_tag_advice", "f5", "call", "tag('A')", "Advice",
        "Tag the current line as advice (A:); again removes it.", title="Tag as Advice",
        group=_TAGS, priority=True),
    Key("call_tag_info", "f6", "call", "tag('I')", "Info",
        "Tag the current line as information (I:); again removes it.", title="Tag as Info",
        group=_TAGS, priority=True),
    Key("call_tag_referral", "f7", "call", "tag('R')", "Referral",
        "Tag the current line as a referral (R:); again removes it.", title="Tag as Referral",
        group=_TAGS, priority=True),
    Key("call_tag_action", "f8", "call", "tag('TODO')", "Action",
        "Tag the current line as an action for you (TODO:); again removes it.",
        title="Tag as Action (TODO)", group=_TAGS, priority=True),
    Key("call_tag_cycle", "ctrl+t", "call", "cycle_tag", "Cycle tag",
        "Cycle the current line: none → A → I → R → TODO → none.",
        line="the line's tag: none → A → I → R → TODO → none", show=False,
        priority=True),
    Key("call_time", "ctrl+g", "call", "stamp_time", "Time",
        "Write the elapsed time [mm:ss] at the cursor.",
        line="writes the time on the call, `[12:40]`", title="Write the time",
        show=False, priority=True),
    Key("call_referral", "ctrl+r", "call", "referral", "Add referral",
        "Add someone they suggested as a new contact, referred by them.",
        line="someone they suggest: a new prospect, and an `R:` line in the notes",
        priority=True, rank=1),
    Key("call_pause", "f9", "call", "pause", "Pause", "Pause or resume the clock.",
        title="Pause or resume the clock", priority=True, rank=2),
    Key("call_end", "f10", "call", "end_call", "End call", "Save the notes and end the call.",
        line="saves, stops the clock, moves them to *Interviewed*, opens the debrief",
        priority=True, rank=3),
    Key("call_editor", "ctrl+o", "call", "open_editor", "$EDITOR",
        "Edit the notes in your own editor ($VISUAL / $EDITOR).",
        line="the notes in your own editor (`$VISUAL` / `$EDITOR`)",
        title="Edit the notes in $EDITOR", show=False, priority=True),
    Key("call_save_copy", "ctrl+s", "call", "save_copy", "Save a copy",
        "Write the notes as they are in the editor to a file of their own (for when the database "
        "cannot be written).", title="Save a copy of the notes",
        line="the notes in a file (Downloads or home), when the database cannot be written",
        show=False, priority=True),
    Key("call_leave", "ctrl+b", "call", "leave", "Leave open",
        "Back to the pipeline; the call stays open to resume later.", title="Leave the call open",
        line="back to the pipeline; the call stays open to resume",
        show=False, priority=True),
    Key("call_discard", "ctrl+l", "call", "discard_call", "Discard",
        "Throw this call away (asks first): the notes, the plan and the interview go.",
        title="Discard this call",
        line="throw the call away, after a yes: notes, plan and interview; the stage goes back",
        show=False, priority=True),
    # -- the debrief ------------------------------------------------------------------------
    Key("debrief_save", "f2", "debrief", "save", "Save", "Save, add the ticked referrals, close.",
        title="Save the debrief",
        line="add the ticked referrals as prospects referred by them, close",
        priority=True, rank=3),
    Key("debrief_thank_you", "f4", "debrief", "thank_you", "Thank-you",
        "Draft the thank-you: pick what you learned, copy, mark it sent.", title="Draft thank-you",
        line="draft it (what you learned is ticked), copy it, mark it sent", priority=True,
        rank=2),
    Key("debrief_close", "escape", "debrief", "close", "Later",
        "Close; what you wrote is saved, the referrals wait.", title="Close the debrief",
        line="close; what you wrote is saved, the referrals wait"),
    Key("debrief_discard", "ctrl+l", "debrief", "discard_call", "Discard",
        "Throw this call away (asks first): notes, plan, debrief and interview go.",
        title="Discard this call",
        line="throw the call away, after a yes: notes, debrief, interview; the stage goes back",
        show=False, priority=True),
    # -- review -----------------------------------------------------------------------------
    Key("review_back", "escape", "review", "back", "Back", "Back to the pipeline.",
        title="Back to the pipeline"),
    Key("review_reload", "f5", "review", "reload", "Reload",
        summary="Read the review again from the database",
        line="read everything again from the database", show=False),
    Key("review_agenda", "1", "review", "tab('agenda-tab')", "Agenda", title="Show the agenda",
        summary="Everything due or overdue, by day", group="switch tabs", show=False),
    Key("review_progress", "2", "review", "tab('progress-tab')", "Progress", title="Show progress",
        summary="Interviews against your goal, the funnel, reply times", group="switch tabs",
        show=False),
    Key("review_insights", "3", "review", "tab('insights-tab')", "Insights", title="Show insights",
        summary="Every answer to a question side by side; the advice you were given",
        group="switch tabs", show=False),
    Key("review_referrals", "4", "review", "tab('referrals-tab')", "Referrals",
        title="Show referrals", summary="Who led to whom", group="switch tabs", show=False),
    Key("agenda_log", "l", "agenda", "log", "Log done", "Log what you did.",
        title="Log what you did", line="log what you did (a follow-up, a check-in)"),
    Key("agenda_thank", "t", "agenda", "thank", "Thank-you", "Draft the thank-you.",
        title="Draft the thank-you"),
    Key("agenda_snooze", "z", "agenda", "snooze(1)", "Tomorrow", "Put it off until tomorrow.",
        title="Put off until tomorrow", group="put the item off until tomorrow / for a week"),
    Key("agenda_snooze_week", "Z", "agenda", "snooze(7)", "Next week", "Put it off for a week.",
        title="Put off for a week", group="put the item off until tomorrow / for a week"),
    # -- search -----------------------------------------------------------------------------
    Key("search_close", "escape", "search", "close", "Clear / close",
        "Clear the search box; close when it is empty."),
    Key("search_results", "down", "search", "results", "Results", "Move to the results.",
        title="Go to the results", show=False),
    # -- import (the transfer dialog) ---------------------------------------------------------
    Key("transfer_go", "ctrl+o", "transfer", "go", "Import", "Import the file, as checked.",
        show=False),
    # -- dialogs ----------------------------------------------------------------------------
    Key("dialog_cancel", "escape", "dialog", "cancel", "Cancel", "Close without saving.",
        rank=2),
    Key("dialog_save", "f2", "form", "save", "Save", "Save and close.", rank=3),
    # ctrl+e is the text area's "end of line" (end still does that): taken first.
    Key("dialog_editor", "ctrl+e", "research", "open_editor", "Editor",
        "Edit the notes in $EDITOR.", title="Edit in $EDITOR",
        line="company research: edit the notes in `$EDITOR`", priority=True),
    Key("dialog_confirm", "y", "confirm", "confirm", "Yes", "Go ahead.",
        group="answer the question"),
    Key("dialog_deny", "n", "confirm", "cancel", "No", "Do nothing.", group="answer the question"),
    Key("dialog_save", "f2", "outreach", "save", "Copy",
        "Copy the message, then log it as outreach once you say it was sent.",
        title="Copy the message", rank=3),
    *(Key(f"dialog_stage_{number}", str(number), "stage_picker", f"pick({number})",
          stage.label, f"Move to {stage.label}.", title=f"Move to {stage.label}",
          group="move the contact to that stage", show=False)
      for number, stage in enumerate(Stage, start=1)),
    Key("dialog_save", "f2", "thank_you", "save", "Mark sent",
        "Close and record the thank-you as sent (copy it first with f3).",
        title="Mark the thank-you sent",
        line="record the thank-you as sent (in their timeline, off the agenda) and close",
        rank=3),
    Key("dialog_copy", "f3", "thank_you", "copy", "Copy",
        "Copy the draft (or, from the subject line, the subject) to the clipboard. Copying does "
        "not mark it sent.", title="Copy the thank-you",
        line="copy the thank-you (from the subject line: the subject); copying does not mark it "
        "sent"),
    Key("dialog_refill", "f4", "thank_you", "refill", "Refill",
        "Fill the draft in again from the template and the ticked lines.",
        line="fill the thank-you in again from the template and the ticked lines",
        title="Refill the draft"),
)
# fmt: on

SCOPES: dict[str, str] = {
    "app": "InformaApp: everywhere",
    "pipeline": "PipelineScreen",
    "stages": "StageList: the pipeline's views",
    "contacts": "ContactList: the pipeline's contacts",
    "text": "SafeTextArea: every text box of several lines",
    "prepare": "PrepareScreen",
    "plan": "PlanList: the plan, preparing a call",
    "call": "CallScreen",
    "debrief": "DebriefScreen",
    "review": "ReviewScreen",
    "agenda": "AgendaList: the review's agenda",
    "search": "SearchScreen",
    "transfer": "TransferScreen: import and export",
    "dialog": "Dialog: every dialog",
    "form": "FormDialog: every dialog with fields",
    "research": "CompanyResearch",
    "confirm": "Confirm: yes or no",
    "outreach": "OutreachComposer",
    "stage_picker": "StagePicker",
    "thank_you": "ThankYouDialog",
}
"""Every scope, and the class that binds its keys."""


class Section(NamedTuple):
    """A README table: the keys of ``scopes``, then keys that are not informa's own."""

    title: str
    where: str
    """How the binding-id list names it (``in a call``)."""
    scopes: tuple[str, ...]
    other: tuple[tuple[str, str, str], ...] = ()
    """Textual's own keys worth a row: (keys, label, what)."""
    block: str = "keys"
    """The README block that holds the table; the ``keys`` block links to any other."""
    link: str = ""
    """Where another block is, for the ``keys`` block (``[The call](#the-call)``)."""


SECTIONS: tuple[Section, ...] = (
    Section(
        "Everywhere",
        "everywhere",
        ("app", "text"),
        (
            ("`tab` / `shift+tab`", "", "next / previous field or pane"),
            ("`ctrl+p`", "", "command palette: every action, jump to a contact, views, theme"),
        ),
    ),
    Section("The pipeline", "on the pipeline", ("pipeline", "stages", "contacts")),
    Section(
        "Preparing a call",
        "preparing a call",
        ("prepare", "plan"),
        (("`enter`", "", "add (or take out) the question at the cursor"),),
    ),
    Section("In a call", "in a call", ("call",), block="call keys", link="[The call](#the-call)"),
    Section("The debrief", "in the debrief", ("debrief",)),
    Section(
        "Review",
        "reviewing",
        ("review", "agenda"),
        (("`enter`", "", "show the contact (on the agenda, in the referral tree)"),),
    ),
    Section(
        "Search",
        "searching",
        ("search",),
        (("`enter`", "", "show the hit: the contact, or the debrief of a call's notes"),),
    ),
    Section(
        "Dialogs",
        "in dialogs",
        ("dialog", "form", "outreach", "thank_you", "research", "confirm", "stage_picker"),
        (("`enter`", "", "save, in a one-line field"),),
    ),
    Section("Importing", "importing", ("transfer",)),
)
