import ArgumentParser
import Foundation
import Testing
import TrackerRMSSandbox
import WorkableSandbox

@testable import ATSCommands

@Suite struct ProviderSandboxOptionsTests {
    @Test func trackerRMSOptionsSetEveryKnob() throws {
        let options = try TrackerRMSSandboxOptions.parse([
            "--timezone", "Pacific/Kiritimati", "--jobs", "7", "--resources", "30", "--placements", "60",
            "--activities", "5", "--page-base", "one-zero-99", "--page-size-cap", "25", "--count", "total",
            "--placements-only-working", "--settings-shape", "nested-lowercase", "--rate-limit", "3",
            "--latency-ms", "20", "--fault-rate", "0.25", "--faults", "status-99,HTML-200",
            "--mutations-per-hour", "12", "--omit-record-id",
        ])
        let configuration = try options.configuration(host: "127.0.0.1", port: 0, seed: 99)
        #expect(configuration.seed == 99)
        #expect(configuration.timeZoneIdentifier == "Pacific/Kiritimati")
        #expect(configuration.opportunityCount == 7)
        #expect(configuration.resourceCount == 30 && configuration.placementCount == 60)
        let behavior = configuration.behavior
        #expect(behavior.pageBase == .oneWithZeroRefused)
        #expect(behavior.pageSizeCap == 25)
        #expect(behavior.countMeaning == .total)
        #expect(behavior.placementsListOnlyWorkingStates)
        #expect(behavior.settingsShape == .nestedLowercase)
        #expect(behavior.rateLimit == 3)
        #expect(behavior.latency == .milliseconds(20))
        #expect(behavior.faultRate == 0.25)
        #expect(behavior.faultKinds == [.status99, .htmlSuccess])
        #expect(behavior.mutationsPerHour == 12)
        #expect(behavior.omitRecordIDOnCreate)
    }

    @Test func trackerRMSOptionsRefuseBadValuesNamingTheAllowedOnes() throws {
        let cases: [([String], String)] = [
            (["--page-base", "two"], "--page-base 'two' is not one of: zero, one, one-zero-empty, one-zero-99."),
            (["--timezone", "Mars/Olympus"], "--timezone: unknown time zone 'Mars/Olympus'"),
            (["--faults", "meteor"], "--faults 'meteor' is not one of: server-error"),
            (["--fault-rate", "2"], "--fault-rate must be between 0 and 1"),
            (["--rate-limit", "0"], "--rate-limit must be a positive number"),
            (["--jobs", "0"], "--jobs must be at least 1"),
        ]
        for (arguments, message) in cases {
            let options = try TrackerRMSSandboxOptions.parse(arguments)
            let error = try #require(throws: ValidationError.self) {
                try options.configuration(host: "127.0.0.1", port: 0, seed: 1)
            }
            #expect(error.message.contains(message), "\(arguments): \(error.message)")
        }
    }

    @Test func workableOptionsSetEveryKnob() throws {
        let options = try WorkableSandboxOptions.parse([
            "--people", "12", "--jobs", "5", "--subdomain", "acme", "--rate-limit", "4", "--rate-window-seconds", "5",
            "--reset-format", "iso8601", "--sends-retry-after", "--latency-ms", "3", "--fault-rate", "0.1",
            "--faults", "serverError,rateLimited", "--next-links", "otherhost", "--wraps-single-job",
            "--ignores-time-filters", "--members-with-single-role", "--writes-answer-202",
            "--mutation-interval-seconds", "60", "--mutations-per-interval", "2",
        ])
        let configuration = try options.configuration(host: "127.0.0.1", port: 0, seed: 5)
        #expect(configuration.personCount == 12 && configuration.jobCount == 5 && configuration.seed == 5)
        #expect(configuration.subdomain == "acme")
        let behavior = configuration.behavior
        #expect(behavior.rateLimit == 4 && behavior.rateWindowSeconds == 5)
        #expect(behavior.resetFormat == .iso8601 && behavior.sendsRetryAfter)
        #expect(behavior.faultRate == 0.1 && behavior.faultKinds == [.serverError, .rateLimited])
        #expect(behavior.nextLinks == .otherHost)
        #expect(behavior.wrapsSingleJob && behavior.ignoresTimeFilters && behavior.membersWithSingleRole)
        #expect(behavior.writesAnswer202)
        #expect(behavior.mutationInterval == .seconds(60) && behavior.mutationsPerInterval == 2)

        let unlimited = try WorkableSandboxOptions.parse(["--no-rate-limit"])
        #expect(try unlimited.configuration(host: "127.0.0.1", port: 0, seed: 1).behavior.rateLimit == nil)
        let standard = try WorkableSandboxOptions.parse([])
        #expect(try standard.configuration(host: "127.0.0.1", port: 0, seed: 1).behavior.rateLimit == 10)
    }

    @Test func workableOptionsRefuseBadValues() throws {
        let cases: [([String], String)] = [
            (["--rate-limit", "2.5"], "a whole number of requests per window"),
            (["--rate-limit", "3", "--no-rate-limit"], "contradict each other"),
            (["--jobs", "2"], "--jobs must be at least 3"),
            (["--next-links", "sideways"], "--next-links 'sideways' is not one of: legacyPath, modernPath"),
            (["--subdomain", "a/b"], "--subdomain must be letters"),
        ]
        for (arguments, message) in cases {
            let options = try WorkableSandboxOptions.parse(arguments)
            let error = try #require(throws: ValidationError.self) {
                try options.configuration(host: "127.0.0.1", port: 0, seed: 1)
            }
            #expect(error.message.contains(message), "\(arguments): \(error.message)")
        }
    }

    @Test func bannersSayWhereTheSandboxesListenAndHowToUseThem() async throws {
        let rms = try TrackerRMSSandboxOptions.parse(["--jobs", "2", "--resources", "3", "--placements", "4"])
            .configuration(host: "127.0.0.1", port: 0, seed: 3)
        let rmsBanner = try await withTrackerRMSSandbox(rms) { running in
            TrackerRMSSandboxOptions.banner(running, configuration: rms)
        }
        #expect(rmsBanner.contains("Tracker RMS sandbox listening."))
        #expect(rmsBanner.contains("ats jobs list --provider tracker-rms --base-url http://127.0.0.1:"))
        #expect(rmsBanner.contains("--timezone America/Chicago"))

        let workable = try WorkableSandboxOptions.parse(["--people", "3"])
            .configuration(host: "127.0.0.1", port: 0, seed: 3)
        let workableBanner = try await withWorkableSandbox(workable) { running in
            WorkableSandboxOptions.banner(running, configuration: workable)
        }
        #expect(workableBanner.contains("Workable sandbox listening."))
        #expect(workableBanner.contains("/spi/v3 (also http://127.0.0.1:"))
        #expect(workableBanner.contains("rate limit 10 requests per 10 s"))
    }
}
