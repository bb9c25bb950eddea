using System.Collections.Generic;
using Firebreak.Core.Documents;
using Firebreak.Core.Languages.Shell;
using Firebreak.Core.Text;

namespace Firebreak.Core.Commands;

/// <summary>Parse and extract in one call.</summary>
public static class ShellCommands
{
    /// <summary>The executed commands of a script; spans are in <paramref name="text"/>.</summary>
    public static IReadOnlyList<ShellCommand> FromText(string text) => CommandExtractor.Extract(ShellParser.Parse(text));

    /// <summary>The executed commands of a script embedded in a host file; spans are in the host.</summary>
    public static IReadOnlyList<ShellCommand> FromEmbedded(EmbeddedText embedded) =>
        CommandExtractor.Extract(ShellParser.Parse(embedded.Value), embedded);
}
