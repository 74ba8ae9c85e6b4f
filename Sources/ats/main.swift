import ATSCommands

// The executable is deliberately thin: everything lives in ATSCommands so it can be tested.
await ATSCommand.start()
