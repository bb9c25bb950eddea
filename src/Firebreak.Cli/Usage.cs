namespace Firebreak.Cli;

internal static class Usage
{
    public const string Text = """
        firebreak - finds destructive operations, unscoped credentials and co-located backups before merge

        Usage:
          firebreak scan [PATH | FILE...] [options]   scan a directory (default .) or the files given
          firebreak rules                             list the rules with family and level
          firebreak explain FBnnnn                    show a rule's page
          firebreak guard                             a coding agent's PreToolUse hook: reads the tool call on
                                                      stdin and denies destructive commands
          firebreak --version

        Scan options:
          -f, --format text|sarif|json   output format (default text)
          -o, --output FILE              write the report to FILE instead of stdout
              --fail-on error|warning|note|none
                                         exit 1 when a finding is at or above this level (default error)
          -c, --config FILE              configuration (default: firebreak.yml at the scan root)
              --threads N                files analyzed at once (output does not depend on it)
              --baseline FILE            report only findings not in FILE (an earlier SARIF or JSON report)
              --var-file FILE            Terraform variables for every root module, as terraform -var-file
              --no-ignore                do not honour .gitignore

        Exit codes: 0 nothing at or above --fail-on, 1 findings, 2 usage or configuration error, 3 internal error.

        """;
}
