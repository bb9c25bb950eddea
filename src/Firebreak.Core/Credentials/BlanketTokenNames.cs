using System.Collections.Generic;
using System.Linq;
using Firebreak.Core.Documents;
using Firebreak.Core.Credentials;

namespace Firebreak.Core.Credentials;

/// <summary>What a variable or secret name says about the token it holds.</summary>
internal static class BlanketTokenNames
{
    /// <summary>
    /// The blanket kind a name stands for, when every kind the catalogue knows under that name is blanket
    /// (<c>RAILWAY_API_TOKEN</c>); null when the name is also used for scoped tokens (<c>GITHUB_TOKEN</c>, <c>FLY_API_TOKEN</c>).
    /// </summary>
    public static TokenKind? BlanketKind(TokenCatalog catalog, string name)
    {
        IReadOnlyList<TokenKind> kinds = catalog.FindByVariable(name);
        return kinds.Count > 0 && kinds.All(k => k.IsBlanket) ? kinds[0] : null;
    }

    public static string ScopeText(TokenKind kind) => kind.Scope switch
    {
        TokenScope.AccountWide => "every project and environment of the account, production included",
        TokenScope.Workspace => "every project of the workspace, production included",
        TokenScope.Project => "every environment of the project, production included",
        _ => "more than one environment",
    };
}
