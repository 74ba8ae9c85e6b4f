internal import Foundation

extension DataGenerator {
    /// Base application `id` (1…applicationCount).
    func application(_ id: Int) -> SandboxApplication {
        let person = personIndex(ofApplication: id)
        let created = applicationCreatedAt(id)
        let draw = hash.draw(.application, id, 10)
        let status = status(draw: hash.draw(.application, id, 11))
        let isRejected = status == statuses.last && statuses.count > 1
        let place = Vocabulary.places[hash.below(Vocabulary.places.count, .person, person, 6)]
        let hasAddress = draw % 10 < 7
        return SandboxApplication(
            id: id,
            jobID: applicationJobID(id),
            firstName: Vocabulary.firstNames[hash.below(Vocabulary.firstNames.count, .person, person, 1)],
            lastName: Vocabulary.lastNames[hash.below(Vocabulary.lastNames.count, .person, person, 2)],
            email: email(person: person, application: id),
            phone: phone(person: person, application: id),
            address: hasAddress ? streetAddress(person: person) : nil,
            address2: hasAddress && (draw >> 4) % 5 == 0 ? "Apt \((draw >> 8) % 900 + 100)" : nil,
            city: hasAddress ? place.city : nil,
            state: hasAddress ? place.state : nil,
            gender: Vocabulary.genders[Int((draw >> 12) % UInt64(Vocabulary.genders.count))],
            status: status,
            rating: (draw >> 16) % 2 == 0 ? nil : Int((draw >> 17) % 5) + 1,
            source: Vocabulary.sources[Int((draw >> 20) % UInt64(Vocabulary.sources.count))],
            archived: (draw >> 24) % 100 < (isRejected ? 30 : 5),
            tags: tags(draw: hash.draw(.application, id, 12)),
            appliedAt: Date(epochSeconds: created),
            createdAt: Date(epochSeconds: created),
            updatedAt: Date(epochSeconds: applicationUpdatedAt(id)),
            customFields: applicationCustomFields(id)
        )
    }

    /// The person's e-mail as typed on this application: usually the canonical address, sometimes
    /// with different capitals or stray spaces; some people give none at all.
    func email(person: Int, application id: Int) -> String? {
        let presence = hash.draw(.person, person, 3) % 100
        if presence < 2 { return nil }
        if presence < 3 { return "" }
        let first = Vocabulary.firstNameSlugs[hash.below(Vocabulary.firstNames.count, .person, person, 1)]
        let last = Vocabulary.lastNameSlugs[hash.below(Vocabulary.lastNames.count, .person, person, 2)]
        let domain = Vocabulary.emailDomains[hash.below(Vocabulary.emailDomains.count, .person, person, 4)]
        let canonical = "\(first).\(last)\(person)@\(domain)"
        let variant = hash.draw(.application, id, 13) % 100
        switch variant {
        case 0..<4: return canonical.uppercased()
        case 4..<8: return capitalizedEmail(first: first, last: last, person: person, domain: domain)
        case 8..<11: return " \(canonical)"
        case 11..<13: return "\(canonical) "
        default: return canonical
        }
    }

    private func capitalizedEmail(first: String, last: String, person: Int, domain: String) -> String {
        "\(first.prefix(1).uppercased())\(first.dropFirst()).\(last.prefix(1).uppercased())\(last.dropFirst())"
            + "\(person)@\(domain.prefix(1).uppercased())\(domain.dropFirst())"
    }

    /// The person's phone number, written in whichever format this application used.
    func phone(person: Int, application id: Int) -> String? {
        let digits = hash.draw(.person, person, 5)
        let area = 201 + Int(digits % 788)
        let exchange = 200 + Int((digits >> 12) % 800)
        let line = Int((digits >> 24) % 10_000)
        let lineText = line < 10 ? "000\(line)" : line < 100 ? "00\(line)" : line < 1000 ? "0\(line)" : "\(line)"
        switch hash.draw(.application, id, 14) % 20 {
        case 0: return nil
        case 1..<6: return "(\(area)) \(exchange)-\(lineText)"
        case 6..<10: return "\(area)-\(exchange)-\(lineText)"
        case 10..<13: return "+1 \(area) \(exchange) \(lineText)"
        case 13..<15: return "\(area).\(exchange).\(lineText)"
        case 15..<17: return "\(area)\(exchange)\(lineText)"
        case 17..<19: return "+1\(area)\(exchange)\(lineText)"
        default: return "1-\(area)-\(exchange)-\(lineText) ext. \(line % 90 + 10)"
        }
    }

    private func streetAddress(person: Int) -> String {
        let draw = hash.draw(.person, person, 7)
        let number = 100 + Int(draw % 9_800)
        let street = Vocabulary.streets[Int((draw >> 16) % UInt64(Vocabulary.streets.count))]
        let suffix = Vocabulary.streetSuffixes[Int((draw >> 24) % UInt64(Vocabulary.streetSuffixes.count))]
        return "\(number) \(street) \(suffix)"
    }

    private func tags(draw: UInt64) -> [String] {
        switch draw % 10 {
        case 0..<6: return []
        case 6..<9: return [Vocabulary.tags[Int((draw >> 8) % UInt64(Vocabulary.tags.count))]]
        default:
            let first = Int((draw >> 8) % UInt64(Vocabulary.tags.count))
            let second = (first + 1 + Int((draw >> 16) % UInt64(Vocabulary.tags.count - 1))) % Vocabulary.tags.count
            return [Vocabulary.tags[first], Vocabulary.tags[second]]
        }
    }

    /// Values for the initial applicant schema (see `initialApplicationSchema`); some are missing.
    private func applicationCustomFields(_ id: Int) -> [String: SandboxJSON] {
        let draw = hash.draw(.application, id, 15)
        var fields: [String: SandboxJSON] = [:]
        fields.reserveCapacity(5)
        if draw % 10 < 8 { fields["years_experience"] = .int(Int((draw >> 4) % 25)) }
        if (draw >> 9) % 10 < 6 {
            fields["desired_salary"] = .double(Double(40_000 + (draw >> 12) % 1_600 * 100) + 0.5)
        }
        if (draw >> 24) % 10 < 7 { fields["willing_to_relocate"] = .bool((draw >> 28) & 1 == 1) }
        if (draw >> 30) % 10 < 2 {
            let person = Int((draw >> 34) % UInt64(max(personCount, 1)))
            let first = Vocabulary.firstNames[hash.below(Vocabulary.firstNames.count, .person, person, 1)]
            let last = Vocabulary.lastNames[hash.below(Vocabulary.lastNames.count, .person, person, 2)]
            fields["referral_name"] = .string("\(first) \(last)")
        }
        if (draw >> 40) % 10 < 9 {
            fields["work_authorization"] = .string(
                Vocabulary.workAuthorizations[Int((draw >> 44) % UInt64(Vocabulary.workAuthorizations.count))]
            )
        }
        return fields
    }

    /// The applicant custom-field schema the account starts with: all four field types and a select.
    static let initialApplicationSchema: [SandboxCustomField] = [
        SandboxCustomField(fieldName: "years_experience", displayName: "Years of experience", fieldType: .integer),
        SandboxCustomField(fieldName: "desired_salary", displayName: "Desired salary (USD)", fieldType: .decimal),
        SandboxCustomField(
            fieldName: "willing_to_relocate", displayName: "Willing to relocate", fieldType: .boolean,
            defaultValue: .bool(false)
        ),
        SandboxCustomField(
            fieldName: "referral_name", displayName: "Referred by", fieldType: .string, uiInputType: "text_field"
        ),
        SandboxCustomField(
            fieldName: "work_authorization", displayName: "Work authorization", fieldType: .string,
            required: false, whitelistValues: Vocabulary.workAuthorizations, uiInputType: "select"
        ),
    ]
}
