"""``ogi users add|list|remove|password``: the named accounts of the web app's reviewers and
administrators (``ogi serve``). Passwords are read from the terminal (twice) or, with
``--password-stdin``, from the first line of standard input; only a scrypt hash is kept."""

from __future__ import annotations

import sys
from enum import Enum

import typer

from ..cli import app, out
from ._db import db_option, fail, format_option, opened, print_rows

_HELP = """网页版账号:审核员和管理员。 / Web accounts: reviewers and administrators.

示例 / Examples:

* `ogi users add 张三 --role reviewer`
* `ogi users list`"""
users_app = typer.Typer(help=_HELP, no_args_is_help=True)
app.add_typer(users_app, name="users")


class Role(str, Enum):
    reviewer = "reviewer"
    admin = "admin"


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = typer.prompt("密码 / password", hide_input=True)
    if typer.prompt("再输入一次 / again", hide_input=True) != first:
        raise fail("两次输入的密码不一致 / the passwords differ")
    return first


@users_app.command("add")
def add_cmd(
    name: str = typer.Argument(..., help="The user name (letters, digits, Chinese, . - _ @)."),
    role: Role = typer.Option(Role.reviewer, "--role", help="reviewer (review, upload) or admin (also agencies, users)."),
    password_stdin: bool = typer.Option(False, "--password-stdin", help="Read the password from standard input."),
    db: str = db_option(),
) -> None:
    """为网页版添加账号。 / Add an account for the web app.

    示例 / Example:

    * `ogi users add 张三 --role reviewer`"""
    from ..store.accounts import ROLES, add_user

    password = _password(password_stdin)
    with opened(db) as store:
        user = add_user(store, name, role.value, password)
    out.print(f"已添加{ROLES[user.role]} {user.name} / added {user.role} {user.name}")


@users_app.command("list")
def list_cmd(db: str = db_option(), format=format_option()) -> None:
    """所有账号及其角色。 / Every account with its role.

    示例 / Example:

    * `ogi users list`"""
    from ..store.accounts import list_users

    with opened(db, read_only=True) as store:
        rows = list_users(store)
    print_rows(("name", "role", "created_at"), rows, format, title="账号 / users", headers=("用户名", "角色", "创建时间"))


@users_app.command("remove")
def remove_cmd(name: str = typer.Argument(...), db: str = db_option()) -> None:
    """删除账号(并在各处退出登录)。 / Remove an account (and sign it out everywhere).

    示例 / Example:

    * `ogi users remove 张三`"""
    from ..store.accounts import remove_user

    with opened(db) as store:
        remove_user(store, name)
    out.print(f"已删除 {name} / removed {name}")


@users_app.command("password")
def password_cmd(
    name: str = typer.Argument(...),
    password_stdin: bool = typer.Option(False, "--password-stdin", help="Read the password from standard input."),
    db: str = db_option(),
) -> None:
    """设置新密码(账号在各处退出登录)。 / Set a new password (the account is signed out everywhere).

    示例 / Example:

    * `ogi users password 张三`"""
    from ..store.accounts import set_password

    password = _password(password_stdin)
    with opened(db) as store:
        set_password(store, name, password)
    out.print(f"已更新 {name} 的密码 / password changed")
