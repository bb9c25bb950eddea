using System;
using Firebreak.Core.Documents;

namespace Firebreak.Core.Commands;

/// <summary>
/// A command that runs a script file of the repository: <c>./scripts/reset.sh</c>, <c>bash scripts/reset.sh</c>,
/// <c>sh -e ./x.sh</c>, <c>source x.sh</c>. Pipelines run from the repository root, so the path is read from there.
/// </summary>
public static class ScriptInvocation
{
    /// <summary>The repository-relative path of the script <paramref name="command"/> runs, or null.</summary>
    public static string? TargetPath(ShellCommand command)
    {
        if (command.Arguments.Count == 0) return null;
        var program = command.NameWord.Value;
        if (program is null) return null;
        if (command.Name is "bash" or "sh" or "zsh" or "dash" or "ksh" or "source" or ".")
        {
            for (int i = 1; i < command.Arguments.Count; i++)
            {
                var word = command.Arguments[i].Value;
                if (word is null) return null;
                if (word == "-c") return null; // inline code, unwrapped by the command model
                if (word.StartsWith("-", StringComparison.Ordinal) || word.StartsWith("+", StringComparison.Ordinal)) continue;
                return Normalize(word);
            }
            return null;
        }
        // A path to an executable in the repository; bare names are looked up on PATH, not in the repository.
        return program.IndexOf('/') >= 0 ? Normalize(program) : null;
    }

    /// <summary>The shell script of the scan that <paramref name="command"/> runs, or null.</summary>
    public static DocumentContext? Resolve(ShellCommand command, ProjectContext project)
    {
        if (TargetPath(command) is not { } path) return null;
        var document = project.Find(path);
        return document?.Kind == FileKind.Shell ? document : null;
    }

    private static string Normalize(string path)
    {
        foreach (var root in new[] { "$GITHUB_WORKSPACE/", "${GITHUB_WORKSPACE}/", "$CI_PROJECT_DIR/", "${CI_PROJECT_DIR}/" })
            if (path.StartsWith(root, StringComparison.Ordinal)) path = path.Substring(root.Length);
        while (path.StartsWith("./", StringComparison.Ordinal)) path = path.Substring(2);
        return path;
    }
}
