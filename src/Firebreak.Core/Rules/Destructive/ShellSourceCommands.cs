using System.Collections.Generic;
using Firebreak.Core.Analysis;
using Firebreak.Core.Commands;

namespace Firebreak.Core.Rules.Destructive;

/// <summary>
/// The executed commands of every shell script a file holds, parsed once per file and shared by the rules that read
/// commands (FB1002, FB1003).
/// </summary>
internal static class ShellSourceCommands
{
    public static bool AppliesTo(FileKind kind) => kind == FileKind.Shell;

    public static IReadOnlyList<ShellCommand> Of(DocumentContext document) =>
        document.GetModel<IReadOnlyList<ShellCommand>>("shell-source-commands", static doc => ShellCommands.FromText(doc.Text.Text));
}
