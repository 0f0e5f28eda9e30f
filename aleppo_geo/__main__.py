from aleppo_geo.cli import main

raise SystemExit(main())
