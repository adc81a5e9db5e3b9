// lexicon.cpp — word lists for speaker analysis. General English news vocabulary only: nothing
// here names a person or anything specific to one article.
#include "core/extract/speakers/lexicon.h"

#include <utility>

#include "core/extract/speakers/text_scan.h"

namespace broadsheet::speakers {
namespace {

const Lexicon& title_words() {
    static const Lexicon words(
        "mr mrs ms miss mx dr prof professor sir dame lord lady president vice prime minister "
        "ministers secretary deputy assistant undersecretary under-secretary secretary-general "
        "director-general foreign defense defence interior finance treasury national security "
        "advisor adviser spokesman spokeswoman spokesperson chairman chairwoman chair ceo cfo "
        "chief executive director general gen lt col maj capt sgt adm admiral colonel major "
        "captain sergeant lieutenant commander senator sen rep representative congressman "
        "congresswoman governor gov mayor judge justice king queen prince princess pope sheikh "
        "sheik emir ayatollah imam rabbi bishop cardinal archbishop ambassador envoy special "
        "commissioner chancellor premier leader speaker attorney officer official analyst "
        "journalist reporter correspondent editor columnist economist researcher expert fellow "
        "senior former acting then interim candidate nominee founder co-founder lawmaker "
        "legislator diplomat aide counsel counselor counsellor head activist veteran "
        "presidential ministry department press inspector prosecutor lawyer negotiator mp mep "
        "president-elect first deputies hon rev reverend father sister brother st saint sultan "
        "crown shah tsar czar coach manager host anchor author writer scholar historian "
        "commentator strategist consultant lt.-gen maj.-gen brig brigadier marshal field "
        "attorney-general solicitor party opposition state regional provincial federal top "
        "chief-of-staff staff of councillor councilor councilman councilwoman alderman "
        "assemblyman assemblywoman delegate trustee dean very canon vicar chaplain sheriff "
        "constable detective superintendent striker goalkeeper midfielder defender owner "
        "coordinator engineer statistician scientist surgeon doctor nurse teacher principal "
        "chairperson majority minority whip treasurer registrar ombudsman auditor comptroller "
        "controller mayor-elect governor-elect co-sponsor sponsor supervisor administrator "
        "organizer organiser pastor priest coroner warden magistrate curator taoiseach "
        "tanaiste "
        // French: "M. Caldwell", "Mme Royal", "la ministre des Sports Laura Flessel".
        "m mme mlle ministre député députée sénateur sénatrice maire présidente porte-parole "
        "secrétaire directeur directrice pr "
        // Italian, Spanish and Portuguese: "il ministro degli Esteri Antonio Tajani", "el
        // portavoz Juan Pérez", "Ambasciatore Dror Eydar".
        "ministro ministra presidente ambasciatore ambasciatrice embajador embajadora "
        "embaixador portavoce portavoz porta-voz sindaco sindaca alcalde alcaldesa prefeito "
        "prefeita segretario segretaria secretario secretaria secretário capo");
    return words;
}

const Lexicon& role_nouns() {
    static const Lexicon words(
        "spokesman spokeswoman spokesperson minister secretary advisor adviser official envoy "
        "ambassador diplomat president senator governor mayor chairman chairwoman chief "
        "director analyst economist journalist reporter general commander premier chancellor "
        "leader aide lawmaker legislator judge expert professor prosecutor lawyer attorney "
        "officer negotiator congressman congresswoman researcher commissioner king queen prince "
        "founder executive councillor councilor manager coach captain striker goalkeeper "
        "midfielder defender player owner coordinator engineer statistician scientist surgeon "
        "doctor dean bishop sheriff detective superintendent inspector treasurer chairperson "
        "campaigner activist author writer historian consultant strategist veteran ombudsman mp "
        "representative secretary-general");
    return words;
}

const Lexicon& non_name_words() {
    static const Lexicon words(
        "the a an this that these those it its he she they we i you his her their our my your "
        "in on at for with by from to of and but or nor if when while as after before although "
        "though however meanwhile moreover also still yet so then there here what who why how "
        "where which whose not no yes all any some many most more much few several each every "
        "both either neither one two three other another such last next first second new old "
        "since until because despite during under over about against between into through "
        "without within among amid via per perhaps indeed instead thus therefore nevertheless "
        "nonetheless furthermore besides back even only just now today yesterday tomorrow "
        "tonight ultimately finally earlier later again once asked speaking according like "
        "unlike following read related photo image video watch listen live share comment "
        "comments advertisement sign subscribe click top breaking update updated published "
        "posted copyright source sources reuters ap afp tass ria novosti sputnik interfax "
        "xinhua monday tuesday wednesday thursday friday saturday sunday january february march "
        "july september october november december "
        "american russian syrian british french german chinese iranian turkish israeli "
        "palestinian iraqi ukrainian european saudi arab arabic egyptian jordanian lebanese "
        "kurdish afghan pakistani indian japanese korean italian spanish polish dutch belgian "
        "swiss swedish norwegian danish finnish greek austrian hungarian czech romanian "
        "bulgarian serbian croatian georgian armenian azerbaijani kazakh belarusian canadian "
        "mexican brazilian argentine venezuelan cuban australian african nigerian libyan yemeni "
        "qatari emirati kuwaiti omani bahraini asian western eastern northern southern soviet "
        "islamic islamist muslim christian jewish sunni shiite shia catholic orthodox u.s u.k "
        "u.n e.u us uk un eu usa state states united union nations republic kingdom federation "
        "empire group institute university college school academy center centre council "
        "committee commission ministry department agency office bureau service services house "
        "senate congress parliament assembly duma court party army navy force forces guard "
        "guards corps police bank fund foundation association organization organisation company "
        "corporation inc ltd llc times post news press journal herald tribune telegraph gazette "
        "daily weekly magazine network channel radio television tv interest summit conference "
        "forum talks treaty accord agreement statement declaration resolution act law street "
        "avenue road square airport station city county province region district island islands "
        "river lake mountain mountains sea ocean gulf bay coast valley desert airbase base "
        "church mosque temple museum hotel hospital stadium tower palace kremlin pentagon "
        "capitol terminal monument olympics games cup league club team day week month year "
        "global world international democratic republican labour labor conservative liberal "
        "socialist communist revolutionary federal central supreme royal holy north south east "
        "west middle upper lower great greater grand high air foreign affairs defense defence "
        "security intelligence military government administration authority authorities regime "
        "coalition alliance front movement brigade battalion division command operation mission "
        "program programme project initiative plan strategy policy report index market markets "
        "exchange stock stocks trust rights human peace freedom liberty justice development "
        "research studies relations economic social public private general national election "
        "elections campaign war crisis revolution spring summer autumn fall winter christmas "
        "easter ramadan olympic prize award awards internet web online facebook twitter youtube "
        "google instagram telegram whatsapp learn getty images file plc gmbh jr sr jnr snr ii iii "
        "iv "
        "gmt utc est edt pst bst cet am pm op-ed opinion editorial analysis exclusive homes "
        "holdings partners capital airlines airways motors energy foods systems technologies "
        "technology pharmaceuticals pharma media entertainment industries resources mining oil "
        "gas electric insurance securities investments properties brands stores labs solutions "
        "networks communications telecom logistics shipping automotive aerospace railways "
        "railway hotels resorts studios records pictures publishing renewables ventures "
        "consulting estates developments construction builders farms dairy brewery bakery "
        "restaurant restaurants cafe statistics sciences society unions chamber chambers fc "
        "rovers athletic wanderers borough municipality board charity appeal clinic library "
        "port harbour harbor mall plaza arena guide handbook manual edition podcast show series "
        "bar pub "
        "newsletter blog episode album festival tournament championship championships "
        // Closed-class words of the other languages of the archive, capitalised at a sentence
        // start ("Das Problem", "Les Échos"); name particles ("de", "von", "la") stay out.
        "der das den die dem des ein eine einer eines einem einen und oder aber auch mit im ins "
        "zum zur bei "
        "zu aus auf für über unter nach vor seit als wie wenn dass diese dieser dieses diesem "
        "jeder jede alle seine seiner seinem ihr ihre ihren ihrem meine mein unser unsere er "
        "sie wir ich nicht noch nur schon sehr bereits heute gestern insbesondere laut zwischen "
        "les une des aux et ou mais dans sur pour par avec sans selon chez cette ces il elle ils "
        "elles nous vous los las una unos unas en con por para según sobre nel nella gli uno "
        "um uma em na com pelo pela "
        "beim vom doch denn jedoch dabei damit dann danach dort hier jetzt nun sowie sondern "
        "ob weil obwohl während gegen ohne durch bis etwa fast gerade kein keine keinen "
        "ministero ministerio ministério");
    return words;
}

const Lexicon& particles() {
    static const Lexicon words(
        "de da di du del della der den van von bin ibn al el la le dos das ter abu ben bint y");
    return words;
}

const Lexicon& verb_fillers() {
    static const Lexicon words(
        "also again then later earlier previously once had has have would will could reportedly "
        "recently repeatedly further still only just himself herself initially subsequently "
        "separately privately publicly quickly simply flatly firmly openly bluntly angrily "
        "calmly candidly frankly finally first last already often frequently never always twice "
        "personally directly emphatically insistently proudly jokingly wryly happily dryly "
        "drily cautiously optimistically sharply strongly clearly explicitly specifically");
    return words;
}

const Lexicon& clause_openers() {
    static const Lexicon words(
        "on in at after before during while when although though as however meanwhile moreover "
        "but and yet still back earlier later last this perhaps also nevertheless nonetheless "
        "separately instead indeed since for from with by despite following if unlike like "
        "speaking opening asked addressing responding writing standing reflecting dusting "
        "ultimately finally now today yesterday then so thus furthermore besides under amid "
        "according over about even until once whereas");
    return words;
}

const Lexicon& determiners() {
    static const Lexicon words(
        "the a an this that another one each every some any no his her their its our my your");
    return words;
}

}  // namespace

namespace {

// German job titles are compounds whose head is the title: "Bundesministerin",
// "VW-Chef", "Cannabis-Experte", "Parteikollege", "Landesbischof", "Klimaaktivistin",
// "Weltmeister", "Innenverteidiger".
bool has_german_title_head(std::string_view key) {
    static constexpr std::string_view heads[] = {
        "präsident", "präsidentin", "minister", "ministerin", "chef", "chefin", "sprecher",
        "sprecherin", "experte", "expertin", "leiter", "leiterin", "führer", "führerin", "kollege",
        "kollegin", "vorsitzende", "vorsitzender", "direktor", "direktorin", "bischof", "bischöfin",
        "kanzler", "kanzlerin", "redaktor", "redaktorin", "politiker", "politikerin", "oberst",
        "geschäftsführer", "stellvertreter", "stellvertreterin", "pfarrer", "pfarrerin", "aktivist",
        "aktivistin", "kabarettist", "kabarettistin", "abgeordnete", "abgeordneter", "meister",
        "meisterin", "verteidiger", "verteidigerin", "trainer", "trainerin", "sieger", "siegerin",
        // "Holocaust-Überlebende": keys are ASCII-lowercased, so the "Ü" stays.
        "berlebende", "youtuber", "youtuberin"};
    for (const auto head : heads)
        if (key.ends_with(head)) return true;
    return false;
}

}  // namespace

bool is_title_word(std::string_view key) {
    if (title_words().contains(key) || has_german_title_head(key)) return true;
    // "Vice-President", "Ex-Minister", "Co-Chair": a hyphenated word ending in a title is one.
    const auto hyphen = key.rfind('-');
    return hyphen != std::string_view::npos && hyphen + 1 < key.size() &&
           title_words().contains(key.substr(hyphen + 1));
}

bool is_personal_title(std::string_view key) {
    static const Lexicon honorifics(
        "mr mrs ms miss mx dr prof sir dame lord lady rev reverend father sister sen rep gov gen "
        "lt col maj capt sgt adm pope sheikh sheik emir imam rabbi cardinal archbishop ayatollah "
        "president minister premier chancellor senator congressman congresswoman councillor "
        "councilor mayor governor ambassador judge justice chairman chairwoman spokesman "
        "spokeswoman spokesperson secretary director commissioner professor general admiral "
        "colonel captain officer analyst economist advisor adviser envoy chief executive ceo "
        "leader deputy aide m mme mlle ministre député députée sénateur sénatrice maire "
        "présidente porte-parole");
    return honorifics.contains(key) || role_nouns().contains(key);
}

std::string_view expand_title(std::string_view key) {
    static const std::pair<std::string_view, std::string_view> table[] = {
        {"gov", "governor"},   {"sen", "senator"},  {"rep", "representative"}, {"gen", "general"},
        {"lt", "lieutenant"},  {"col", "colonel"},  {"prof", "professor"},     {"dr", "doctor"},
        {"capt", "captain"},   {"adm", "admiral"},  {"sgt", "sergeant"},       {"maj", "major"},
        {"pres", "president"}, {"rev", "reverend"}, {"adviser", "advisor"}};
    for (const auto& [abbreviation, full] : table)
        if (key == abbreviation) return full;
    return key;
}
bool is_role_noun(std::string_view key) {
    return role_nouns().contains(key);
}
bool is_non_name_word(std::string_view key) {
    return non_name_words().contains(key);
}
bool is_name_particle(std::string_view key) {
    return particles().contains(key);
}
bool is_verb_filler(std::string_view key) {
    return verb_fillers().contains(key);
}
bool is_clause_opener(std::string_view key) {
    return clause_openers().contains(key);
}
bool is_determiner(std::string_view key) {
    return determiners().contains(key);
}

bool is_thing_head(std::string_view key) {
    static const Lexicon words(
        "poll polls survey study report index tracker app game film movie album song book show "
        "series podcast newsletter website site brand platform award prize trophy bill act law "
        "plan programme program project administration campaign government family team camp "
        "estate foundation spokesman spokeswoman spokesperson spokespeople office agency "
        "statement");
    return words.contains(key);
}

bool has_common_noun_ending(std::string_view key) {
    // German abstract nouns and inflected adjectives, capitalised in the middle of a sentence
    // ("Zögerliches Kopfnicken", "Die Pflegefinanzierungen"): no given name or surname ends so.
    // Bare "-ung" and "-lich" stay out: Leung, Hartung, Ehrlich are surnames.
    constexpr std::size_t kMinStem = 3;
    for (std::string_view ending :
         {"ierung", "ungen", "heit", "keit", "schaft", "liche", "liches", "lichen", "licher",
          "ische", "isches", "ischen", "ischer", "ismus", "nisse", "ität"})
        if (key.size() >= ending.size() + kMinStem && key.ends_with(ending)) return true;
    return false;
}

bool is_romance_article(std::string_view key) {
    return key == "le" || key == "la" || key == "lo" || key == "il" || key == "el" ||
           key == "los" || key == "las";
}

bool is_article_particle(std::string_view key) {
    return key == "der" || key == "den" || key == "das" || key == "di";
}

bool is_generational_suffix(std::string_view key) {
    return key == "jr" || key == "sr" || key == "jnr" || key == "snr" || key == "ii" ||
           key == "iii" || key == "iv";
}

bool is_generic_person_noun(std::string_view key) {
    static const Lexicon words(
        "man woman boy girl mother father son daughter wife husband resident witness victim "
        "teenager pensioner student fan grandmother grandfather widow granddaughter grandson "
        "sister brother niece nephew partner friend neighbour neighbor colleague");
    return words.contains(key) || key.ends_with("-year-old");
}

bool is_ambiguous_month(std::string_view key) {
    // Abbreviations are names too: "Mar Hicks", "Jun Ishikawa".
    static const Lexicon words(
        "may june april august jan feb mar apr jun jul aug sep sept oct nov dec");
    return words.contains(key);
}

bool is_thing_tail(std::string_view key) {
    return key == "bill";
}

bool has_particle_prefix(std::string_view word) {
    for (std::string_view prefix : {"al-", "el-", "ad-", "as-", "ash-", "an-", "ar-", "at-", "az-",
                                    "bin-", "abu-", "ibn-", "ul-"}) {
        if (word.size() > prefix.size() && word.substr(0, prefix.size()) == prefix)
            return is_upper(decode_at(word, prefix.size()).value);
    }
    return false;
}

std::optional<Gender> pronoun_gender(std::string_view key) {
    if (key == "he" || key == "him") return Gender::Male;
    if (key == "she" || key == "her") return Gender::Female;
    return std::nullopt;
}

bool is_other_pronoun(std::string_view key) {
    return key == "they" || key == "we" || key == "i" || key == "you" || key == "it" ||
           key == "who" || key == "which" || key == "some" || key == "others" || key == "many" ||
           key == "both" || key == "one" || key == "everyone" || key == "nobody";
}

Gender title_gender(std::string_view key) {
    if (key == "mr" || key == "m" || key == "sir" || key == "lord" || key == "king" ||
        key == "prince" || key == "spokesman" || key == "chairman" || key == "congressman" ||
        key == "father" || key == "brother" || key == "sultan" || key == "emir" || key == "sheikh")
        return Gender::Male;
    if (key == "mrs" || key == "ms" || key == "miss" || key == "mme" || key == "mlle" ||
        key == "dame" || key == "lady" || key == "queen" || key == "princess" ||
        key == "spokeswoman" || key == "chairwoman" || key == "congresswoman" || key == "sister")
        return Gender::Female;
    return Gender::Unknown;
}

bool role_matches_title(std::string_view role, std::string_view title) {
    if (role == title) return true;
    const auto any_of = [&](std::initializer_list<std::string_view> set) {
        for (auto s : set)
            if (s == title) return true;
        return false;
    };
    if (role == "spokesman" || role == "spokeswoman" || role == "spokesperson")
        return any_of({"spokesman", "spokeswoman", "spokesperson"});
    if (role == "advisor" || role == "adviser") return any_of({"advisor", "adviser"});
    if (role == "official")
        return any_of({"official", "spokesman", "spokeswoman", "spokesperson", "advisor", "adviser",
                       "minister", "secretary", "undersecretary", "envoy", "ambassador", "diplomat",
                       "aide", "commissioner", "negotiator", "officer", "director"});
    if (role == "diplomat")
        return any_of({"minister", "secretary", "envoy", "ambassador", "negotiator"});
    if (role == "leader")
        return any_of({"president", "premier", "chancellor", "king", "queen", "prime"});
    if (role == "chairman" || role == "chairwoman")
        return any_of({"chairman", "chairwoman", "chair"});
    if (role == "executive" || role == "chief") return any_of({"ceo", "chief", "executive"});
    if (role == "lawmaker" || role == "legislator")
        return any_of({"senator", "congressman", "congresswoman", "mp", "mep", "lawmaker",
                       "legislator", "representative"});
    return false;
}

}  // namespace broadsheet::speakers
