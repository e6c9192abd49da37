"""Allow `python -m clio`."""

from clio.cli import main

raise SystemExit(main())
