import Testing

@testable import RecallCore

@Suite struct FactSignatureTests {
    @Test(arguments: [
        ("The user loves Rust.", "the user REALLY loves rust!!"),
        ("The user has a dog named Max.", "The user has a dog named Max"),
        ("The user went to the Louvre.", "The user went to Louvre."),
        ("The user's sister loves her garden.", "The user's sister loves their garden."),
    ])
    func nearDuplicatesShareAGist(_ a: String, _ b: String) {
        #expect(FactSignature(a).gist == FactSignature(b).gist)
    }

    @Test(arguments: [
        ("The user likes cats.", "The user doesn't like cats."),
        ("The user has two kids.", "The user has kids."),
        ("The user moved to Oslo in 2019.", "The user moved to Oslo in 2020."),
        ("The user is a fan of jazz.", "The user is not a fan of jazz."),
        ("The user lives in Oslo.", "The user lives in Bergen."),
    ])
    func differentFactsDoNot(_ a: String, _ b: String) {
        #expect(FactSignature(a).gist != FactSignature(b).gist)
    }

    @Test func slotsNameWhatCanOnlyHaveOneCurrentValue() {
        let oslo = FactSignature("The user lives in Oslo.")
        let bergen = FactSignature("The user lives in Bergen with their partner.")
        #expect(oslo.slot == "residence" && bergen.slot == "residence")
        #expect(oslo.value == "oslo" && bergen.value == "bergen")
        #expect(FactSignature("The user lives in Oslo with their sister.").value == "oslo")

        let likes = FactSignature("The user likes Chinese food.")
        let hates = FactSignature("The user hates Chinese food.")
        #expect(likes.slot == "likes chinese food" && hates.slot == likes.slot)
        #expect(likes.value == "+" && hates.value == "-")
        #expect(FactSignature("The user loves Chinese food.").value == "+")

        #expect(FactSignature("The user plays the cello.").slot == nil)
        #expect(FactSignature("El usuario vive en Madrid.").slot == "residence")
    }

    @Test(arguments: [
        ("The user hates Chinese food these days.", "likes chinese food", "-"),
        ("The user really hates TypeScript now.", "likes typescript", "-"),
        ("The user no longer likes TypeScript.", "likes typescript", "-"),
        ("The user still loves jazz a lot.", "likes jazz", "+"),
        ("The user lives in Bergen nowadays.", "residence", "bergen"),
        ("The user currently works at Acme these days.", "employer", "acme"),
    ])
    func aTrailingOrLeadingQualifierDoesNotChangeTheSlot(_ content: String, _ slot: String, _ value: String) {
        let signature = FactSignature(content)
        #expect(signature.slot == slot)
        #expect(signature.value == value)
    }
}
