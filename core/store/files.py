"""Files stored inside the ledger (photos, scanned documents), deduplicated by SHA-256 and linked to
their records."""

from __future__ import annotations

import hashlib
import mimetypes
from dataclasses import dataclass
from typing import Any

from core.attachments import safe_name
from core.errors import NotFound, StoreError
from core.records import (
    Record,
)
from core.store.connection import _now
from core.store.mapping import (
    spec_for,
)
from core.store.records import RecordStore


@dataclass(frozen=True)
class Attachment:
    """A file (photo, scanned document) stored inside the database."""

    id: int
    sha256: str
    file_name: str
    mime: str
    size: int

    def audit_value(self, caption: str = "") -> dict[str, Any]:
        """The file as the audit log records it beside its owner's change."""
        return {"file_name": self.file_name, "sha256": self.sha256, "size": self.size, "caption": caption}


class AttachmentStore(RecordStore):
    """Storing, linking and reading files."""

    # ---------------------------------------------------------------- attachments
    def add_attachment(self, data: bytes, file_name: str, *, owner: Record | None = None, caption: str = "",
                       reason: str = "", audited: bool = True) -> Attachment:
        """Store a file inside the database (deduplicated by SHA-256), optionally linked to a record.

        Linking a file to a record of a filed plan's packet needs ``reason``. Every file leaves one
        audit entry: the change of its owner (file name, SHA-256, size, caption), or, without an owner,
        the file's own; ``audited=False`` leaves it to the caller, who records the file with its own
        change (a filing's document: one entry for the file and its catalogue line). The name is kept
        as a safe base name (no folders, no characters Windows forbids).
        """
        file_name = safe_name(file_name)
        digest = hashlib.sha256(data).hexdigest()
        mime = mimetypes.guess_type(file_name)[0] or "application/octet-stream"
        with self.transaction():
            if owner is not None:
                self._pending_seals.update(self._guard_locked(owner, reason))
            row = self.db.execute("SELECT id FROM attachments WHERE sha256 = ?", [digest]).fetchone()
            if row:
                attachment_id = row[0]
            else:
                attachment_id = self.db.table("attachments").insert(
                    {"sha256": digest, "file_name": file_name, "mime": mime, "size": len(data), "data": data,
                     "added_at": _now(), "added_by": self.user}).last_pk
                if owner is None and audited:  # else the owner's entry names the file
                    self._write_audit([self._audit_row(
                        "insert", "attachments", attachment_id, file_name,
                        {"file_name": [None, file_name], "sha256": [None, digest], "size": [None, len(data)]})])
            attachment = Attachment(attachment_id, digest, file_name, mime, len(data))
            if owner is not None:
                table = spec_for(owner).table
                links = self.db.table("attachment_links")
                position = links.count_where("owner_table = ? AND owner_id = ?", [table, owner.id])
                links.insert({"attachment_id": attachment_id, "owner_table": table, "owner_id": owner.id,
                              "caption": caption, "position": position})
                if audited:
                    self._write_audit([self._audit_row(
                        "update", table, owner.id, self._record_key(owner),
                        {"attachments": [None, attachment.audit_value(caption)]}, reason=reason)])
        return attachment

    def remove_attachment(self, owner: Record, attachment_id: int, *, reason: str = "") -> None:
        """Unlink a file from ``owner`` (the file's bytes stay for the audit trail and other owners).

        A record of a filed plan's packet needs ``reason``; the unlinking is audited like the linking.
        """
        table = spec_for(owner).table
        with self.transaction():
            self._pending_seals.update(self._guard_locked(owner, reason))
            row = self.db.execute(
                "SELECT a.file_name, a.sha256 FROM attachment_links l JOIN attachments a ON a.id = l.attachment_id "
                "WHERE l.owner_table = ? AND l.owner_id = ? AND l.attachment_id = ?",
                [table, owner.id, attachment_id]).fetchone()
            if row is None:
                raise NotFound(f"{owner.label}没有附件 {attachment_id}")
            self.db.table("attachment_links").delete_where(
                "owner_table = ? AND owner_id = ? AND attachment_id = ?", [table, owner.id, attachment_id])
            self._write_audit([self._audit_row(
                "update", table, owner.id, self._record_key(owner),
                {"attachments": [{"file_name": row[0], "sha256": row[1]}, None]}, reason=reason)])

    def attachment_data(self, attachment_id: int) -> bytes:
        """The bytes of a stored file, checked against its SHA-256."""
        row = self.db.execute("SELECT data, sha256 FROM attachments WHERE id = ?", [attachment_id]).fetchone()
        if row is None:
            raise NotFound(f"没有编号为 {attachment_id} 的附件")
        if hashlib.sha256(row[0]).hexdigest() != row[1]:
            raise StoreError(f"附件 {attachment_id} 的内容与校验值不符，文件已损坏")
        return bytes(row[0])

    def attachments_of(self, owner: Record) -> list[tuple[Attachment, str]]:
        """Files linked to ``owner`` with their captions, in the order they were added."""
        rows = self.db.query(
            "SELECT a.id, a.sha256, a.file_name, a.mime, a.size, l.caption FROM attachment_links l "
            "JOIN attachments a ON a.id = l.attachment_id WHERE l.owner_table = ? AND l.owner_id = ? "
            "ORDER BY l.position", [spec_for(owner).table, owner.id])
        return [(Attachment(r["id"], r["sha256"], r["file_name"], r["mime"], r["size"]), r["caption"]) for r in rows]

