from georisk.cli.main import main

main()
