from raadsakkoord.cli import main

raise SystemExit(main())
