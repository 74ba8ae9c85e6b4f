import ATSSyncPostgres
import Testing

@Suite struct PostgresDatabaseURLTests {
    @Test func parsesEveryPart() throws {
        let url = try PostgresDatabaseURL("postgres://ats:s%40cret@db.example.com:6543/mirror?sslmode=require")
        #expect(url.host == "db.example.com")
        #expect(url.port == 6543)
        #expect(url.username == "ats")
        #expect(url.password == "s@cret")
        #expect(url.database == "mirror")
        #expect(url.requiresTLS)
    }

    @Test func aPercentSignInThePasswordIsDecodedOnce() throws {
        // "p%41ss%" written as a URL: each "%" is "%25".
        let url = try PostgresDatabaseURL("postgres://us%25er:p%2541ss%25@localhost/mirror")
        #expect(url.password == "p%41ss%")
        #expect(url.username == "us%er")
    }

    @Test func neverShowsThePassword() throws {
        let url = try PostgresDatabaseURL("postgresql://ats:hunter2@localhost/mirror")
        #expect(url.description == "postgres://ats:***@localhost:5432/mirror")
        #expect(!"\(url)".contains("hunter2"))
    }

    @Test(arguments: ["mysql://x@y/z", "postgres:///db", "postgres://user@host", "not a url"])
    func rejectsWhatIsNotAPostgresURL(text: String) {
        #expect(throws: PostgresStoreError.self) { try PostgresDatabaseURL(text) }
    }

    @Test func errorsForBadURLsDoNotEchoThePassword() {
        do {
            _ = try PostgresDatabaseURL("postgres://u:topsecret@host")
            Issue.record("expected an error")
        } catch {
            #expect(!"\(error)".contains("topsecret"))
        }
    }
}
