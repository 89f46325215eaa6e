from outagewatch.cli import main

main()
