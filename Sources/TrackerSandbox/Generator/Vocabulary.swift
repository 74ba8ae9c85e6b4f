/// The word lists the generator draws from. Some names carry apostrophes, hyphens and accents on
/// purpose, so clients meet non-ASCII text and escaping on every page.
enum Vocabulary {
    static let firstNames = [
        "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth",
        "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Carlos", "Karen",
        "Daniel", "Lisa", "Matthew", "Nancy", "Anthony", "Betty", "Mark", "Sandra", "José", "Ashley",
        "Wei", "Zoë", "Priya", "Mohammed", "Aisha", "Hiroshi", "Olga", "Kwame", "Siobhán", "Mateo",
        "Chloé", "Noah", "Emma", "Liam", "Ava", "Lucas", "Mia", "Ethan",
    ]
    static let lastNames = [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
        "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
        "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson",
        "O'Brien", "Smith-Jones", "Nguyen", "Müller", "Kowalski", "Okafor", "Tanaka", "Ivanova", "Chen", "Patel",
        "Dubois", "Rossi", "Yamamoto", "Haddad", "Silva", "Kim", "Novak", "Andersson",
    ]
    /// The e-mail local-part form of each name (lowercase ASCII).
    static let firstNameSlugs = firstNames.map(slug)
    static let lastNameSlugs = lastNames.map(slug)
    static let emailDomains = [
        "gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com", "proton.me", "example.org", "mail.com",
    ]
    static let places: [(city: String, state: String)] = [
        ("Los Angeles", "CA"), ("San Francisco", "CA"), ("Seattle", "WA"), ("Portland", "OR"), ("Denver", "CO"),
        ("Austin", "TX"), ("Dallas", "TX"), ("Chicago", "IL"), ("New York", "NY"), ("Boston", "MA"),
        ("Atlanta", "GA"), ("Miami", "FL"), ("Phoenix", "AZ"), ("Anchorage", "AK"), ("Honolulu", "HI"),
        ("Minneapolis", "MN"),
    ]
    static let streets = [
        "Maple", "Oak", "Pine", "Cedar", "Elm", "Washington", "Lake", "Hill", "Park", "Main", "Sunset", "River",
    ]
    static let streetSuffixes = ["St", "Ave", "Blvd", "Rd", "Ln", "Way"]
    static let genders: [String?] = ["Female", "Male", "Non-binary", "Decline to state", nil, nil]
    static let sources: [String?] = [
        "LinkedIn", "Indeed", "Company Website", "Referral", "Glassdoor", "ZipRecruiter", "Career Fair", nil,
    ]
    static let tags = [
        "priority", "remote-ok", "needs-visa", "referral", "rehire", "bilingual", "veteran", "silver-medalist",
    ]
    static let jobTitles = [
        "Software Engineer", "Senior Software Engineer", "Product Manager", "Data Analyst", "Account Executive",
        "Customer Success Manager", "Registered Nurse", "Warehouse Associate", "Marketing Coordinator",
        "HR Generalist", "Financial Analyst", "UX Designer", "Site Reliability Engineer", "Sales Development Rep",
        "Office Manager", "Electrician",
    ]
    static let categories = [
        "Engineering", "Product", "Sales", "Marketing", "Operations", "Support", "Healthcare", "Finance",
    ]
    static let departments = ["Engineering", "Sales", "Marketing", "Operations", "Support"]
    static let workAuthorizations = ["US Citizen", "Green Card", "H-1B", "Other"]
    static let noteBodies = [
        "Phone screen went well; strong communication.",
        "Left a voicemail, will try again Thursday.",
        "Candidate asked about remote options.",
        "Salary expectations above range — discuss with hiring manager.",
        "References checked: all positive.",
        "Rescheduled interview at candidate's request.",
        "Great culture fit, recommend moving forward.",
        "Not enough experience with the required stack.",
        "Sent follow-up e-mail with next steps.",
        "Candidate withdrew: accepted another offer.",
    ]

    /// `José` → `jose`, `O'Brien` → `obrien`: lowercase ASCII letters only.
    static func slug(_ name: String) -> String {
        var result = ""
        for scalar in name.lowercased().unicodeScalars {
            switch scalar {
            case "a"..."z": result.unicodeScalars.append(scalar)
            case "á", "à", "ä", "â": result += "a"
            case "é", "è", "ë", "ê", "ễ": result += "e"
            case "í", "ì", "ï", "î": result += "i"
            case "ó", "ò", "ö", "ô": result += "o"
            case "ú", "ù", "ü", "û": result += "u"
            default: break
            }
        }
        return result
    }
}
