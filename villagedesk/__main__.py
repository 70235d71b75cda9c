import sys

from villagedesk.app import main

sys.exit(main())
