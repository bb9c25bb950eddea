// How the extension starts the language server, apart from VS Code's API so that it can be tested in plain Node.

export interface ServerSettings {
  /** `firebreak.path`: an executable, or firebreak.dll (run with dotnet); empty for the tool on PATH. */
  path: string;
  /** `firebreak.debounceMs`. */
  debounceMs: number;
}

export interface ServerCommand {
  command: string;
  args: string[];
}

/** The command line of `firebreak lsp` for these settings. Nothing from the workspace goes into it. */
export function serverCommand(settings: ServerSettings): ServerCommand {
  const debounce = Number.isFinite(settings.debounceMs) ? Math.min(10000, Math.max(0, Math.round(settings.debounceMs))) : 150;
  const args = ['lsp', '--debounce-ms', String(debounce)];
  const path = settings.path.trim();
  if (path === '') return { command: 'firebreak', args };
  if (path.toLowerCase().endsWith('.dll')) return { command: 'dotnet', args: [path, ...args] };
  return { command: path, args };
}

/**
 * Every file on disk goes to the server, which decides by the same file-kind detector as `firebreak scan` (path, name,
 * shebang, content) what it reads: the patterns live in one place, not here.
 */
export const documentSelector = [{ scheme: 'file' }];
