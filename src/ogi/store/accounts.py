"""Named accounts for reviewers and administrators, and their sessions in the browser.

- **Roles**: ``reviewer`` (upload, review findings, import URLs, re-parse) and ``admin``
  (also merge and split agencies). The server's token stays for the API and counts as an
  administrator named ``令牌``.
- **Passwords** are stored as scrypt hashes (:func:`hashlib.scrypt`, RFC 7914, with a
  random 16-byte salt; n=2¹⁴, r=8, p=1, the parameters the standard library documents),
  in the form ``scrypt$n$r$p$salt$hash`` (base64), compared in constant time.
- **Sessions**: signing in creates a random 32-byte cookie value; the store keeps only its
  sha256 with the user and an expiry (:data:`SESSION_DAYS`), so a copy of the database
  signs nobody in. Signing out deletes the row.

The functions take a :class:`~ogi.store.Database`; ``ogi users`` (CLI) and the web app
call the same ones.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from .backend import Database, StoreError

ROLES = {"reviewer": "审核员", "admin": "管理员"}
TOKEN_USER = "令牌"  # who a request with the server's token is
SESSION_DAYS = 14
MIN_PASSWORD = 8  # characters
MAX_PASSWORD = 1024  # characters: scrypt of a megabyte is a way to keep the server busy
_NAME = re.compile(r"^[\w.\-@\u4e00-\u9fff]{1,64}$")
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}
_SALT_BYTES = 16
_HASH_BYTES = 32


@dataclass(frozen=True)
class User:
    name: str
    role: str

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    @property
    def role_label(self) -> str:
        return ROLES.get(self.role, self.role)


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(_SALT_BYTES)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, dklen=_HASH_BYTES, maxmem=64 * 1024**2, **_SCRYPT)
    b64 = base64.b64encode
    return f"scrypt${_SCRYPT['n']}${_SCRYPT['r']}${_SCRYPT['p']}${b64(salt).decode()}${b64(digest).decode()}"


def password_matches(stored: str, password: str) -> bool:
    try:
        kind, n, r, p, salt, digest = stored.split("$")
        if kind != "scrypt":
            return False
        expected = base64.b64decode(digest)
        given = hashlib.scrypt(password.encode("utf-8"), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p),
                               dklen=len(expected), maxmem=64 * 1024**2)
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(expected, given)


def check_name(name: str) -> str:
    name = name.strip()
    if not _NAME.match(name) or name == TOKEN_USER:
        raise StoreError(f"用户名“{name}”无效:1–64 个字母、数字、汉字或 . - _ @ / invalid user name")
    return name


def check_password(password: str) -> None:
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise StoreError(f"密码应为 {MIN_PASSWORD}–{MAX_PASSWORD} 个字符 / a password of {MIN_PASSWORD} to "
                         f"{MAX_PASSWORD} characters")


def add_user(db: Database, name: str, role: str, password: str) -> User:
    """A new account; :class:`StoreError` for a taken name, an unknown role, a short password."""
    name = check_name(name)
    if role not in ROLES:
        raise StoreError(f"角色“{role}”无效,应为 {'、'.join(ROLES)} / role: one of {', '.join(ROLES)}")
    check_password(password)
    if db.scalar("SELECT count(*) FROM users WHERE name = ?", [name]):
        raise StoreError(f"用户“{name}”已存在 / user {name} exists")
    db.execute("INSERT INTO users (name, role, password_hash) VALUES (?, ?, ?)", [name, role, hash_password(password)])
    return User(name, role)


def set_password(db: Database, name: str, password: str) -> None:
    check_password(password)
    if not db.scalar("SELECT count(*) FROM users WHERE name = ?", [name]):
        raise StoreError(f"没有用户“{name}” / no user {name}")
    with db.transaction():
        db.execute("UPDATE users SET password_hash = ? WHERE name = ?", [hash_password(password), name])
        db.execute("DELETE FROM sessions WHERE user_name = ?", [name])


def remove_user(db: Database, name: str) -> None:
    if not db.scalar("SELECT count(*) FROM users WHERE name = ?", [name]):
        raise StoreError(f"没有用户“{name}” / no user {name}")
    with db.transaction():
        db.execute("DELETE FROM sessions WHERE user_name = ?", [name])
        db.execute("DELETE FROM users WHERE name = ?", [name])


def has_users(db: Database) -> bool:
    return bool(db.scalar("SELECT count(*) FROM users"))


def list_users(db: Database) -> list[tuple[str, str, datetime]]:
    return db.execute("SELECT name, role, created_at FROM users ORDER BY name")


def authenticate(db: Database, name: str, password: str) -> User | None:
    """The user when the password is theirs, else None (the same time either way)."""
    if len(password) > MAX_PASSWORD:
        return None
    rows = db.execute("SELECT role, password_hash FROM users WHERE name = ?", [name.strip()])
    if not rows:
        hash_password(password)  # as slow as a real check: timing does not tell which names exist
        return None
    role, stored = rows[0]
    return User(name.strip(), role) if password_matches(stored, password) else None


def _token_hash(cookie: str) -> str:
    return hashlib.sha256(cookie.encode("utf-8")).hexdigest()


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def open_session(db: Database, user: User) -> str:
    """A new session for the user; the cookie value (kept by the browser only)."""
    cookie = secrets.token_urlsafe(32)
    with db.transaction():
        db.execute("DELETE FROM sessions WHERE expires_at < ?", [_now()])
        db.execute("INSERT INTO sessions (token_hash, user_name, expires_at) VALUES (?, ?, ?)",
                   [_token_hash(cookie), user.name, _now() + timedelta(days=SESSION_DAYS)])
    return cookie


def session_user(db: Database, cookie: str | None) -> User | None:
    if not cookie or len(cookie) > 200:
        return None
    rows = db.execute("SELECT u.name, u.role FROM sessions s JOIN users u ON u.name = s.user_name "
                      "WHERE s.token_hash = ? AND s.expires_at > ?", [_token_hash(cookie), _now()])
    return User(*rows[0]) if rows else None


def close_session(db: Database, cookie: str | None) -> None:
    if cookie:
        db.execute("DELETE FROM sessions WHERE token_hash = ?", [_token_hash(cookie)])
