"""Question banks: YAML files of questions grouped by topic, bundled and the user's own."""

from informa.banks.loader import BankSet, check_files, load_bank_file, load_banks
from informa.banks.model import TIARA, Bank, Question, Topic

__all__ = [
    "TIARA",
    "Bank",
    "BankSet",
    "Question",
    "Topic",
    "check_files",
    "load_bank_file",
    "load_banks",
]
