"""URL imports that cannot reach the server's own network (no SSRF).

A URL pasted on the upload page is fetched by the server, from inside whatever network it
runs in. Unless the site is configured to allow it, every request the import makes — the
page, its robots.txt, its attachments, and every redirect on the way — must go to public
addresses only:

1. the host name is resolved (``getaddrinfo``: every IPv4 and IPv6 address it has);
2. each address is checked: loopback, private (RFC 1918, ULA), link-local (the cloud
   metadata service at 169.254.169.254), multicast, reserved, unspecified, shared (CGNAT),
   and IPv6 forms of these (mapped, 6to4, Teredo) are refused; one bad address refuses the
   host, since a client may connect to any of them;
3. the request is then sent to the checked address itself (the host name stays in the
   ``Host`` header and, for https, in the TLS server name), so a DNS answer that changes
   between the check and the connection (DNS rebinding) cannot move it elsewhere.

The check sits in an httpx transport, below redirects, so a redirect is checked like the
first request. A refusal is a transport error whose message names the address.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable

import httpx

from ..errors import OgiError
from .. import __version__

Resolver = Callable[[str, int], list[str]]
Policy = Callable[[ipaddress.IPv4Address | ipaddress.IPv6Address], bool]
_SHARED = ipaddress.ip_network("100.64.0.0/10")  # carrier-grade NAT: not the internet either


class RefusedAddress(OgiError, httpx.TransportError):
    """A request to an address the import may not reach."""


def resolve(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to (an address literal: itself)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise httpx.ConnectError(f"无法解析主机名 {host} / cannot resolve {host}: {exc}") from None
    # the host part of an INET or INET6 address (typeshed also allows AF_PACKET's int)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def _embedded(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    return ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)


def is_public(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """An address on the public internet: none of the ranges a server's own network uses."""
    if isinstance(ip, ipaddress.IPv6Address):
        inner = _embedded(ip)
        if inner is not None and not is_public(inner):
            return False
    if isinstance(ip, ipaddress.IPv4Address) and ip in _SHARED:
        return False
    return ip.is_global and not (ip.is_loopback or ip.is_private or ip.is_link_local or ip.is_multicast
                                 or ip.is_reserved or ip.is_unspecified)


def checked_address(host: str, port: int, resolver: Resolver = resolve, policy: Policy = is_public) -> str:
    """The address to connect to for ``host``; :class:`RefusedAddress` when any of its addresses is not allowed."""
    addresses = resolver(host.strip("[]"), port)
    if not addresses:
        raise httpx.ConnectError(f"主机名 {host} 没有地址 / {host} has no address")
    for text in addresses:
        ip = ipaddress.ip_address(text.split("%", 1)[0])
        if not policy(ip):
            shown = host if host == text else f"{host}({text})"
            raise RefusedAddress(f"不允许访问内部网络地址 {shown} / refused: {text} is not a public address")
    return addresses[0]


class GuardedTransport(httpx.BaseTransport):
    """An HTTP transport that sends each request only to a checked, public address."""

    def __init__(self, resolver: Resolver = resolve, policy: Policy = is_public,
                 inner: httpx.BaseTransport | None = None) -> None:
        self.resolver = resolver
        self.policy = policy
        self.inner = inner or httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        url = request.url
        port = url.port or (443 if url.scheme == "https" else 80)
        address = checked_address(url.host, port, self.resolver, self.policy)
        if address == url.host:
            return self.inner.handle_request(request)
        extensions = dict(request.extensions)
        if url.scheme == "https":
            extensions["sni_hostname"] = url.host
        # a copy goes to the address; the client's request (whose URL redirects are joined to) keeps the name
        pinned = httpx.Request(request.method, url.copy_with(host=address), headers=request.headers,
                               stream=request.stream, extensions=extensions)
        return self.inner.handle_request(pinned)

    def close(self) -> None:
        self.inner.close()


def import_client(timeout: float, allow_private: bool = False, resolver: Resolver = resolve,
                  policy: Policy = is_public) -> httpx.Client:
    """The client URL imports fetch with: guarded unless private addresses are allowed."""
    transport = None if allow_private else GuardedTransport(resolver, policy)
    # trust_env off: a proxy from the environment would carry requests past the guard
    return httpx.Client(timeout=timeout, follow_redirects=True, transport=transport, trust_env=allow_private,
                        headers={"User-Agent": f"ogi-reports/{__version__}"})
