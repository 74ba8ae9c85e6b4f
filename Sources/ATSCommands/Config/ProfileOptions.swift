import ArgumentParser

/// `--config` and `--profile`, shared by every command that talks to Tracker.
struct ProfileOptions: ParsableArguments {
    @Option(
        help: """
            The configuration file of profiles (env ATS_CONFIG; default $XDG_CONFIG_HOME/ats/config.toml or \
            ~/.config/ats/config.toml, on macOS ~/Library/Application Support/ats/config.toml). See `ats config`.
            """
    )
    var config: String?

    @Option(help: "The profile of the configuration file to use (env ATS_PROFILE; default: its default_profile).")
    var profile: String?
}
