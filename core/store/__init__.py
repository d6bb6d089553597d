"""Storage: the SQLite ledger file, its schema versions and the audit log."""

from core.store.ledger import Attachment, AuditEntry, Ledger
from core.store.schema import LATEST as SCHEMA_VERSION

__all__ = ["Attachment", "AuditEntry", "Ledger", "SCHEMA_VERSION"]
