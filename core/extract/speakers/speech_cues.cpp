// speech_cues.cpp — the speech verbs of lexicon.h that attribute quotations and report speech:
// English, and next to quotations French, German, Spanish, Italian, Portuguese and Czech.
#include <map>

#include "core/extract/speakers/lexicon.h"
#include "core/extract/speakers/text_scan.h"

namespace broadsheet::speakers {
namespace {

// French speech verbs: the participle of the compound past ("a déclaré") and the present.
const Lexicon& french_speech_verbs() {
    static const Lexicon words(
        "déclaré déclare ajouté ajoute affirmé affirme expliqué explique annoncé annonce estimé "
        "estime souligné souligne précisé précise assuré assure indiqué indique dit confié "
        "répondu insisté martelé");
    return words;
}

}  // namespace

bool is_auxiliary_for(std::string_view word, std::string_view verb) {
    // "Fabius a ajouté", "Hollande avait annoncé", "a également déclaré", "ha detto"; English
    // "had a say"
    // keeps its article.
    static const Lexicon auxiliaries("a avait ont avaient aurait auraient également aussi déjà");
    // Italian: "ha detto Mario Rossi".
    static const Lexicon italian("detto dichiarato spiegato aggiunto affermato sottolineato");
    return (auxiliaries.contains(word) && french_speech_verbs().contains(verb)) ||
           (word == "ha" && italian.contains(verb));
}

bool needs_clause_to_report(std::string_view key) {
    static const Lexicon words(
        "added adds noted notes claimed claims confirmed announced predicted promised explained "
        "explains "
        "recalled recalls maintained observed stressed emphasized emphasised acknowledged "
        "admitted wrote writes concluded conceded complained commented reiterated suggested "
        "indicated testified answered asserted asserts");
    // French speech verbs have other senses too ("a annoncé une réforme"): reported speech
    // needs "que" after them.
    return words.contains(key) || french_speech_verbs().contains(key);
}

std::optional<Cue> cue_for(std::string_view key) {
    struct Entry {
        std::string_view word;
        Cue cue;
    };
    static const Entry entries[] = {
        {"said", {CueForm::Finite, true, 1.0}},
        {"says", {CueForm::Finite, true, 1.0}},
        {"say", {CueForm::Finite, true, 0.9}},
        {"told", {CueForm::Finite, true, 1.0}},
        {"tells", {CueForm::Finite, true, 1.0}},
        {"added", {CueForm::Finite, true, 1.0}},
        {"adds", {CueForm::Finite, true, 1.0}},
        {"warned", {CueForm::Finite, true, 1.0}},
        {"warns", {CueForm::Finite, true, 1.0}},
        {"urged", {CueForm::Finite, true, 0.9}},
        {"urges", {CueForm::Finite, true, 0.9}},
        {"responded", {CueForm::Finite, true, 1.0}},
        {"responds", {CueForm::Finite, true, 1.0}},
        {"replied", {CueForm::Finite, true, 1.0}},
        {"noted", {CueForm::Finite, true, 0.9}},
        {"notes", {CueForm::Finite, true, 0.9}},
        {"asked", {CueForm::Finite, false, 0.9}},
        {"asks", {CueForm::Finite, false, 0.9}},
        {"explained", {CueForm::Finite, true, 1.0}},
        {"explains", {CueForm::Finite, true, 1.0}},
        {"stated", {CueForm::Finite, true, 1.0}},
        {"states", {CueForm::Finite, false, 0.9}},
        {"instructed", {CueForm::Finite, false, 0.9}},
        {"declared", {CueForm::Finite, true, 1.0}},
        {"insisted", {CueForm::Finite, true, 1.0}},
        {"insists", {CueForm::Finite, true, 1.0}},
        {"argued", {CueForm::Finite, true, 1.0}},
        {"argues", {CueForm::Finite, true, 1.0}},
        {"wrote", {CueForm::Finite, true, 0.9}},
        {"writes", {CueForm::Finite, true, 0.9}},
        {"asserted", {CueForm::Finite, true, 0.9}},
        {"asserts", {CueForm::Finite, true, 0.9}},
        {"shared", {CueForm::Finite, false, 0.8}},
        {"shares", {CueForm::Finite, false, 0.8}},
        {"continued", {CueForm::Finite, false, 0.8}},
        {"recalled", {CueForm::Finite, true, 0.9}},
        {"acknowledged", {CueForm::Finite, true, 0.9}},
        {"admitted", {CueForm::Finite, true, 0.9}},
        {"announced", {CueForm::Finite, true, 0.9}},
        {"claimed", {CueForm::Finite, true, 0.9}},
        {"claims", {CueForm::Finite, true, 0.9}},
        {"concluded", {CueForm::Finite, true, 0.8}},
        {"conceded", {CueForm::Finite, true, 0.9}},
        {"complained", {CueForm::Finite, true, 0.9}},
        {"cautioned", {CueForm::Finite, true, 1.0}},
        {"observed", {CueForm::Finite, true, 0.8}},
        {"remarked", {CueForm::Finite, true, 0.9}},
        {"stressed", {CueForm::Finite, true, 0.9}},
        {"emphasized", {CueForm::Finite, true, 0.9}},
        {"emphasised", {CueForm::Finite, true, 0.9}},
        {"maintained", {CueForm::Finite, true, 0.8}},
        {"predicted", {CueForm::Finite, true, 0.8}},
        {"promised", {CueForm::Finite, true, 0.8}},
        {"quipped", {CueForm::Finite, true, 1.0}},
        {"joked", {CueForm::Finite, true, 1.0}},
        {"tweeted", {CueForm::Finite, true, 1.0}},
        {"indicated", {CueForm::Finite, true, 0.7}},
        {"commented", {CueForm::Finite, true, 0.9}},
        {"confirmed", {CueForm::Finite, true, 0.8}},
        {"reiterated", {CueForm::Finite, true, 0.9}},
        {"repeated", {CueForm::Finite, false, 0.8}},
        {"suggested", {CueForm::Finite, true, 0.7}},
        {"characterized", {CueForm::Finite, false, 0.7}},
        {"characterised", {CueForm::Finite, false, 0.7}},
        {"described", {CueForm::Finite, false, 0.7}},
        {"called", {CueForm::Finite, false, 0.7}},
        {"answered", {CueForm::Finite, true, 0.9}},
        {"pointed", {CueForm::Finite, false, 0.7}},
        {"testified", {CueForm::Finite, true, 0.9}},
        {"saying", {CueForm::Participle, true, 0.9}},
        {"adding", {CueForm::Participle, true, 0.9}},
        {"warning", {CueForm::Participle, false, 0.9}},
        {"urging", {CueForm::Participle, false, 0.8}},
        {"noting", {CueForm::Participle, true, 0.8}},
        {"telling", {CueForm::Participle, true, 0.9}},
        {"calling", {CueForm::Participle, false, 0.8}},
        {"describing", {CueForm::Participle, false, 0.8}},
        {"joking", {CueForm::Participle, false, 0.8}},
        {"insisting", {CueForm::Participle, true, 0.8}},
        {"arguing", {CueForm::Participle, true, 0.8}},
        {"explaining", {CueForm::Participle, true, 0.8}},
        {"stressing", {CueForm::Participle, true, 0.8}},
        {"indicating", {CueForm::Participle, false, 0.7}},
        {"declaring", {CueForm::Participle, true, 0.8}},
        {"quipping", {CueForm::Participle, false, 0.9}},
        {"according", {CueForm::According, true, 0.9}},
        // French: the participle of the compound past ("a déclaré") and the present.
        {"déclaré", {CueForm::Finite, true, 1.0}},
        {"déclare", {CueForm::Finite, true, 1.0}},
        {"ajouté", {CueForm::Finite, true, 1.0}},
        {"ajoute", {CueForm::Finite, true, 1.0}},
        {"affirmé", {CueForm::Finite, true, 1.0}},
        {"affirme", {CueForm::Finite, true, 1.0}},
        {"expliqué", {CueForm::Finite, true, 1.0}},
        {"explique", {CueForm::Finite, true, 1.0}},
        {"annoncé", {CueForm::Finite, true, 0.9}},
        {"annonce", {CueForm::Finite, true, 0.9}},
        {"estimé", {CueForm::Finite, true, 0.9}},
        {"estime", {CueForm::Finite, true, 0.9}},
        {"souligné", {CueForm::Finite, true, 0.9}},
        {"souligne", {CueForm::Finite, true, 0.9}},
        {"précisé", {CueForm::Finite, true, 0.9}},
        {"précise", {CueForm::Finite, true, 0.9}},
        {"assuré", {CueForm::Finite, true, 0.9}},
        {"assure", {CueForm::Finite, true, 0.9}},
        {"indiqué", {CueForm::Finite, true, 0.8}},
        {"indique", {CueForm::Finite, true, 0.8}},
        {"dit", {CueForm::Finite, true, 0.9}},
        {"confié", {CueForm::Finite, true, 0.9}},
        {"répondu", {CueForm::Finite, true, 0.9}},
        {"insisté", {CueForm::Finite, true, 0.9}},
        {"martelé", {CueForm::Finite, true, 0.9}},
        // German, Spanish, Italian, Portuguese and Czech: next to a quotation only ("…", sagte
        // Olaf Brandt; "…", píše Gary Lineker); unquoted reported speech in these languages is
        // not read.
        {"sagte", {CueForm::Finite, false, 1.0}},
        {"sagt", {CueForm::Finite, false, 1.0}},
        {"erklärte", {CueForm::Finite, false, 1.0}},
        {"erklärt", {CueForm::Finite, false, 0.9}},
        {"betonte", {CueForm::Finite, false, 0.9}},
        {"betont", {CueForm::Finite, false, 0.9}},
        {"meinte", {CueForm::Finite, false, 0.9}},
        {"ergänzte", {CueForm::Finite, false, 0.9}},
        {"ergänzt", {CueForm::Finite, false, 0.9}},
        {"meint", {CueForm::Finite, false, 0.9}},
        {"schildert", {CueForm::Finite, false, 0.9}},
        {"schilderte", {CueForm::Finite, false, 0.9}},
        {"bemerkt", {CueForm::Finite, false, 0.8}},
        {"bemerkte", {CueForm::Finite, false, 0.8}},
        {"erzählt", {CueForm::Finite, false, 0.9}},
        {"erzählte", {CueForm::Finite, false, 0.9}},
        {"berichtet", {CueForm::Finite, false, 0.8}},
        {"berichtete", {CueForm::Finite, false, 0.8}},
        {"schreibt", {CueForm::Finite, false, 0.9}},
        {"schrieb", {CueForm::Finite, false, 0.9}},
        {"warnt", {CueForm::Finite, false, 0.9}},
        {"warnte", {CueForm::Finite, false, 0.9}},
        {"kritisiert", {CueForm::Finite, false, 0.8}},
        {"kritisierte", {CueForm::Finite, false, 0.8}},
        {"konstatiert", {CueForm::Finite, false, 0.8}},
        {"plädiert", {CueForm::Finite, false, 0.8}},
        {"resümierte", {CueForm::Finite, false, 0.8}},
        // "«…», so Näßler": German "so" with a name right after a quotation.
        {"so", {CueForm::Finite, false, 0.7}},
        {"dijo", {CueForm::Finite, false, 1.0}},
        {"afirmó", {CueForm::Finite, false, 1.0}},
        {"explicó", {CueForm::Finite, false, 1.0}},
        {"señaló", {CueForm::Finite, false, 0.9}},
        {"aseguró", {CueForm::Finite, false, 0.9}},
        {"añadió", {CueForm::Finite, false, 1.0}},
        {"declaró", {CueForm::Finite, false, 1.0}},
        {"agregó", {CueForm::Finite, false, 1.0}},
        {"detto", {CueForm::Finite, false, 0.9}},
        {"dichiarato", {CueForm::Finite, false, 0.9}},
        {"spiegato", {CueForm::Finite, false, 0.9}},
        {"aggiunto", {CueForm::Finite, false, 0.9}},
        {"affermato", {CueForm::Finite, false, 0.9}},
        {"sottolineato", {CueForm::Finite, false, 0.9}},
        {"disse", {CueForm::Finite, false, 1.0}},
        {"afirmou", {CueForm::Finite, false, 1.0}},
        {"falou", {CueForm::Finite, false, 0.9}},
        {"explicou", {CueForm::Finite, false, 1.0}},
        {"acrescentou", {CueForm::Finite, false, 1.0}},
        {"declarou", {CueForm::Finite, false, 1.0}},
        {"řekl", {CueForm::Finite, false, 1.0}},
        {"řekla", {CueForm::Finite, false, 1.0}},
        {"uvedl", {CueForm::Finite, false, 1.0}},
        {"uvedla", {CueForm::Finite, false, 1.0}},
        {"dodal", {CueForm::Finite, false, 1.0}},
        {"dodala", {CueForm::Finite, false, 1.0}},
        {"píše", {CueForm::Finite, false, 0.9}},
        {"tvrdí", {CueForm::Finite, false, 0.9}},
        {"zdůrazňuje", {CueForm::Finite, false, 0.9}},
        {"říká", {CueForm::Finite, false, 1.0}},
        {"přidává", {CueForm::Finite, false, 0.8}},
    };
    // Looked up for nearly every token: index the table once.
    static const auto index = [] {
        std::map<std::string_view, Cue, std::less<>> map;
        for (const auto& entry : entries) map.emplace(entry.word, entry.cue);
        return map;
    }();
    if (const auto it = index.find(key); it != index.end()) return it->second;
    return std::nullopt;
}

}  // namespace broadsheet::speakers
