import ATSCommands

await ATSCommand.main()
