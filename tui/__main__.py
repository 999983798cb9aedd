"""Run the explorer with ``python -m tui``."""

from tui.launch import main

raise SystemExit(main())
