"""Question banks: YAML files of questions grouped by topic, bundled and the user's own.

The value types (``Question``, ``Topic``, ``Bank``, ``BankSet``) are ``informa.domain.banks``."""

from informa.banks.loader import check_files, load_bank_file, load_banks

__all__ = ["check_files", "load_bank_file", "load_banks"]
