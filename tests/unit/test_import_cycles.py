"""No two modules of tui/ import each other, directly or through others (TYPE_CHECKING imports aside)."""

from __future__ import annotations

import grimp


def test_no_import_cycles() -> None:
    graph = grimp.build_graph("tui", exclude_type_checking_imports=True, cache_dir=None)
    cycles = sorted(
        {
            tuple(sorted((module, imported)))
            for module in graph.modules
            for imported in graph.find_modules_directly_imported_by(module)
            if imported.startswith("tui") and graph.chain_exists(importer=imported, imported=module)
        }
    )
    assert cycles == [], f"import cycles: {cycles}"
