"""The language server (`factcheck lsp`): findings in the writer's editor as they type.

In: Language Server Protocol messages over stdio from an editor (Neovim's `vim.lsp`, a VS Code LSP client):
the Markdown and text documents it opens, changes, saves and closes, hovers and code-action requests, changed
files it watches; the workspace's configuration (`[tool.factcheck]` / `.factcheck.toml`, as `factcheck check`
reads it) and the `CheckOptions` given on the command line.
Out: `textDocument/publishDiagnostics` for each open draft on open, save and (debounced) change: one diagnostic
per finding at the draft's range, its severity, the rule as the code, the message, the other sources' claims
as related information; a hover with each source's claim and quote; a quick fix that inserts
`<!-- factcheck: ignore RULE -->` above the paragraph; `window/showMessage` for bad input (a configuration or
rule file that cannot be used, a missing corpus path, an unreadable article), after which the server goes on
with what it had. Nothing is written but the claim cache and the LSP stream on stdout.

Inside: `server` (the pygls features, `serve`), `session` (open drafts, debouncing, the worker thread that owns
the resident check: factcheck/gate/resident.py), `convert` (findings as diagnostics, hovers and edits),
`progress` (indexing progress as `$/progress`).
"""

from factcheck.lsp.server import build_server, serve

__all__ = ["build_server", "serve"]
