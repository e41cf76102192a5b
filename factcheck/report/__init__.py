"""Stage 5, report: findings -> text, one renderer module per `--format`.

`factcheck report`: a `Report` (documents, claims, facts, findings, checks) -> `markdown` (for people) or
`jsonout` (schema `factcheck.report/1`). `factcheck check`: a `GateResult` (the findings seen from the
drafts) -> `gate_markdown`, `gate_json` (schema `factcheck.check/1`), `sarif` (SARIF 2.1.0), `github`
(workflow commands) or `text` (one line a finding). `factcheck claims` and `factcheck quantities`: one
record per claim or quantity -> `listings` (table, CSV, JSON). Renderers are pure: the CLI writes what they
return.
"""
