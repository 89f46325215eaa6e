"""``python -m outagewatch``: the command line, with ``ingest``'s tagging process forked first.

``outagewatch.nlp.host.start_early`` looks at the arguments before the command line's modules are
imported (~0.4 s of CPU before ``ingest`` could otherwise fork its tagging process, whose build is
the start-up's critical path); it does nothing for any other command.
"""

import sys


def run() -> None:
    if "ingest" in sys.argv[1:4]:
        from outagewatch.nlp.host import start_early

        start_early(sys.argv[1:])
    from outagewatch.cli import main

    main()


if __name__ == "__main__":
    run()
