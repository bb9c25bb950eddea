namespace Firebreak.Core.Credentials;

/// <summary>Whether a leaked token of this kind keeps working until someone revokes it.</summary>
public enum TokenLifetime
{
    Unknown = 0,
    LongLived,
    /// <summary>Expires on its own within hours (STS sessions, app installation tokens).</summary>
    Temporary,
}
