import ATSSync
import Benchmark
import TrackerATS

/// The candidate id of every application with an e-mail address: normalising the address and its
/// HMAC-SHA256 under the account's key, the largest single cost of mapping an application.
func candidateIDBenchmarks() {
    Benchmark("Candidate ids of 1000 e-mail addresses (HMAC-SHA256)") { benchmark in
        let fixture = try await Fixture.load()
        let emails = fixture.records.compactMap { record -> String? in
            guard case .text(let email) = record.fields["email"] else { return nil }
            return email
        }
        // The page's addresses, repeated to 1000 (some applicants have none).
        let addresses = (0..<1000).map { emails[$0 % emails.count] }
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            for address in addresses {
                blackHole(Fixture.identity.candidateID(email: address))
            }
        }
    }
}
