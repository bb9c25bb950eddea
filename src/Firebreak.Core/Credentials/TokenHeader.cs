using System;
using System.Collections.Generic;

namespace Firebreak.Core.Credentials;

/// <summary>How a token is sent over HTTP: <c>Name: [Scheme ]value</c>.</summary>
public sealed class TokenHeader
{
    public TokenHeader(string name, string? scheme = null, IReadOnlyList<string>? near = null)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Scheme = string.IsNullOrEmpty(scheme) ? null : scheme;
        Near = near ?? Array.Empty<string>();
    }

    /// <summary>Header name, compared case-insensitively (<c>Authorization</c>, <c>Project-Access-Token</c>, <c>X-Auth-Key</c>).</summary>
    public string Name { get; }

    /// <summary>Authorization scheme before the value (<c>Bearer</c>, <c>token</c>, <c>FlyV1</c>), or null when the value stands alone.</summary>
    public string? Scheme { get; }

    /// <summary>
    /// Hosts that must appear close by for a prefix-less value to count: <c>Authorization: Bearer &lt;uuid&gt;</c>
    /// alone says nothing about whose token it is; next to <c>backboard.railway.app</c> it does.
    /// </summary>
    public IReadOnlyList<string> Near { get; }

    public override string ToString() => Scheme is null ? Name + ": <token>" : Name + ": " + Scheme + " <token>";
}
