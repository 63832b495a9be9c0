/**
 * Bokmål for the English descriptions in the document schemas, keyed by the English text. The
 * editor schema shows both (`English / bokmål`). A description without an entry here is shown
 * in English only, and the editor-schema test names it, so a new or reworded description gets
 * its translation in the same change.
 */
const bokmal: Readonly<Record<string, string>> = {
  // policy-set.yaml
  'The policy set: its name, version, languages and decision points.': 'Regelsettet: navn, versjon, språk og beslutningspunkter.',
  'The decision points: the questions a host system asks.': 'Beslutningspunktene: spørsmålene et fagsystem stiller.',
  'How much the policy folder may hold, for a set that has grown past the defaults; a command reads no more.':
    'Hvor mye regelmappen kan romme, for et sett som har vokst forbi standardgrensene; en kommando leser ikke mer.',
  'Policy files the folder may hold (default 1000).': 'Regelfiler mappen kan romme (standard 1000).',
  'Megabytes of policy files the folder may hold (default 16).': 'Megabyte regelfiler mappen kan romme (standard 16).',
  // text
  'Text in each language of the set: `nb` (bokmål) and `en` (English), and `da` for a Danish organisation.':
    'Tekst på hvert språk i settet: `nb` (bokmål) og `en` (engelsk), og `da` for en dansk organisasjon.',
  'Norsk bokmål': 'Norsk bokmål',
  English: 'Engelsk',
  'Dansk (for a Danish organisation)': 'Dansk (for en dansk organisasjon)',
  // vocabulary.yaml
  'The shared vocabulary: facts, outcome ids and limits.': 'Det felles vokabularet: fakta, utfall-id-er og grenser.',
  'Titles of the values, as a reader sees them, e.g. `physical-violence: { nb: Fysisk vold, en: Physical violence }`.':
    'Titler på verdiene, slik en leser ser dem, f.eks. `physical-violence: { nb: Fysisk vold, en: Physical violence }`.',
  'The numeric limits outcomes may carry (`limits:` of a rule), with their titles.':
    'De tallfestede grensene et utfall kan ha (`limits:` i en regel), med titlene sine.',
  "The name of the limit, as an outcome's `limits` and host systems carry it.":
    'Navnet på grensen, slik et utfalls `limits` og fagsystemene bærer det.',
  'What the number means, with its unit, e.g. `{ en: Longest exclusion (weeks) }`.':
    'Hva tallet betyr, med enheten, f.eks. `{ nb: Lengste utestengelse (uker) }`.',
  'A fact with a fixed list of values.': 'Et faktum med en fast liste av verdier.',
  'The name of the fact, as host systems pass it.': 'Navnet på faktumet, slik fagsystemene sender det.',
  'The value when the fact is absent (`none`: absent means none).': 'Verdien når faktumet mangler (`none`: mangler betyr ingen).',
  'A yes/no fact.': 'Et ja/nei-faktum.',
  'A whole number between `min` and `max`.': 'Et heltall mellom `min` og `max`.',
  'The outcome id, as host systems receive it.': 'Utfallets id, slik fagsystemene mottar den.',
  'A group name, e.g. `reaction`.': 'Et gruppenavn, f.eks. `reaction`.',
  'Whether a why-not explanation may change the fact: `vary` (what happened and what has been done; the default) or `fixed` (who the parties are).':
    'Om en forklaring av hva som ville endret utfallet kan endre faktumet: `vary` (hva som skjedde og hva som er gjort; standard) eller `fixed` (hvem partene er).',
  // sources
  'A catalogue of sources.': 'En katalog over kilder.',
  'A legal source or document that rules cite.': 'En rettskilde eller et dokument som reglene viser til.',
  'The id rules cite in `basis`.': 'Id-en reglene viser til i `basis`.',
  'How the source is cited, e.g. `arbeidsmiljøloven § 5-2 første ledd`.':
    'Hvordan kilden siteres, f.eks. `arbeidsmiljøloven § 5-2 første ledd`.',
  'The act or regulation, in full.': 'Loven eller forskriften, fullt navn.',
  'The document (report, guideline), in full.': 'Dokumentet (rapport, retningslinje), fullt navn.',
  'Section (paragraf) or chapter.': 'Paragraf eller kapittel.',
  'Ledd (paragraph within the section).': 'Ledd (i paragrafen).',
  'Nr. (number within the paragraph).': 'Nr. (i leddet).',
  'Bokstav (letter), e.g. `a`.': 'Bokstav, f.eks. `a`.',
  'Date or version of the source.': 'Dato eller versjon av kilden.',
  'The seed file the text was read from.': 'Kildefilen teksten er lest fra.',
  'Lines in the seed file.': 'Linjer i kildefilen.',
  'True only when the wording was checked against the source.': 'Sann bare når ordlyden er kontrollert mot kilden.',
  // settings.yaml
  'Values the sources leave to local choice.': 'Verdier kildene overlater til lokalt valg.',
  'The id policies use as `{ setting: id }`.': 'Id-en reglene bruker som `{ setting: id }`.',
  // policies
  'The legal sources for this rule: ids from policies/sources/*.yaml.':
    'Rettsgrunnlaget for denne regelen: id-er fra policies/sources/*.yaml.',
  'A source id from policies/sources/*.yaml.': 'En kilde-id fra policies/sources/*.yaml.',
  'The rules of one decision point.': 'Reglene for ett beslutningspunkt.',
  'The id of this policy document.': 'Id-en til dette regeldokumentet.',
  'The decision point (declared in policy-set.yaml).': 'Beslutningspunktet (oppgitt i policy-set.yaml).',
  'How the outcomes are ordered; every decision lists them in this order.':
    'Hvordan utfallene er ordnet; hver beslutning lister dem i denne rekkefølgen.',
  'The scope: this policy applies only when this holds.': 'Virkeområdet: dette regelverket gjelder bare når dette er oppfylt.',
  "A shared policy of the same point that this one specialises: where this scope holds, each outcome both define is decided by this policy instead, in the shared outcome's place. The scope must lie inside the shared policy's scope.":
    'Et felles regelverk for samme beslutningspunkt som dette gjør mer spesifikt: der dette virkeområdet gjelder, avgjøres hvert utfall begge definerer av dette regelverket i stedet, på det felles utfallets plass. Virkeområdet må ligge innenfor det felles regelverkets virkeområde.',
  'Languages every text of this document needs besides those of the set, e.g. `[da]` for a Danish organisation.':
    'Språk hver tekst i dette dokumentet må ha i tillegg til settets språk, f.eks. `[da]` for en dansk organisasjon.',
  'Named groups of outcomes, e.g. the ladder and the reactions beside it.':
    'Navngitte grupper av utfall, f.eks. reaksjonstrappen og reaksjonene ved siden av den.',
  'Named conditions, used as `{ condition: name }`.': 'Navngitte vilkår, brukt som `{ condition: navn }`.',
  'One outcome of the decision point and the rules that decide its status.':
    'Ett utfall i beslutningspunktet og reglene som avgjør statusen.',
  'An outcome id from the vocabulary (vocabulary.yaml, `outcomes`).': 'En utfall-id fra vokabularet (vocabulary.yaml, `outcomes`).',
  'The track (from `tracks:`) this outcome belongs to.': 'Sporet (fra `tracks:`) dette utfallet hører til.',
  'Sources cited by every rule of this outcome.': 'Kilder som hver regel for dette utfallet viser til.',
  'Tried from the top; the first whose condition holds decides.': 'Prøves ovenfra; den første med oppfylt vilkår avgjør.',
  'A rule: when its condition holds (and no rule above it held), it decides the outcome.':
    'En regel: når vilkåret er oppfylt (og ingen regel over var det), avgjør den utfallet.',
  'An optional name for the rule, shown in traces.': 'Et valgfritt navn på regelen, vist i sporingen.',
  '`required` (a duty), `recommended` (what a source recommends, not a duty), `permitted` (allowed, an option) or `not-permitted` (forbidden, with the reason why).':
    '`required` (en plikt), `recommended` (det en kilde anbefaler, ikke en plikt), `permitted` (tillatt, et valg) eller `not-permitted` (ikke tillatt, med begrunnelse).',
  'Preconditions and safeguards of the outcome, as outcome ids.':
    'Forutsetninger og rettssikkerhetsgarantier for utfallet, som utfall-id-er.',
  'A precondition or safeguard that applies only in some cases.': 'En forutsetning eller garanti som bare gjelder i noen tilfeller.',
  'Only required when this holds.': 'Bare påkrevd når dette er oppfylt.',
  'Not required when this holds.': 'Ikke påkrevd når dette er oppfylt.',
  'Numeric limits, e.g. `maxWeeks: { setting: exclusion.max-weeks }`.': 'Tallgrenser, f.eks. `maxWeeks: { setting: exclusion.max-weeks }`.',
  'The value of a setting.': 'Verdien av en innstilling.',
  'A setting from settings.yaml.': 'En innstilling fra settings.yaml.',
  'Why: the plain-language reason a leader or employee reads.': 'Hvorfor: begrunnelsen i klarspråk som en leder eller ansatt leser.',
  'A note for reviewers, e.g. where the sources are unclear.':
    'En merknad til fagpersonene som vedlikeholder reglene, f.eks. der kildene er uklare.',
  'What holds when no rule holds: a status block, or `omit`.': 'Hva som gjelder når ingen regel er oppfylt: en statusblokk, eller `omit`.',
  'Leave the outcome out of the decision when no rule holds.': 'Utelat utfallet fra beslutningen når ingen regel er oppfylt.',
  'The status when no rule holds.': 'Statusen når ingen regel er oppfylt.',
  // conditions
  'A condition: `always`, `{ fact, is | isNot | in | notIn | atLeast | atMost | above | below | onOrAfter | onOrBefore | after | before }`, `{ setting, is }`, `{ all: [...] }`, `{ any: [...] }`, `{ not: ... }` or `{ condition: name }`.':
    'Et vilkår: `always`, `{ fact, is | isNot | in | notIn | atLeast | atMost | above | below | onOrAfter | onOrBefore | after | before }`, `{ setting, is }`, `{ all: [...] }`, `{ any: [...] }`, `{ not: ... }` eller `{ condition: navn }`.',
  'Holds for every incident.': 'Oppfylt for hver hendelse.',
  'The fact has this value (`none` for an absent optional fact).':
    'Faktumet har denne verdien (`none` for et valgfritt faktum som mangler).',
  'A fact from the vocabulary (vocabulary.yaml).': 'Et faktum fra vokabularet (vocabulary.yaml).',
  'The fact does not have this value.': 'Faktumet har ikke denne verdien.',
  'The fact has one of these values.': 'Faktumet har en av disse verdiene.',
  'The fact has none of these values.': 'Faktumet har ingen av disse verdiene.',
  'The number is at least this.': 'Tallet er minst dette.',
  'The number is at most this.': 'Tallet er høyst dette.',
  'The number is greater than this.': 'Tallet er større enn dette.',
  'The number is less than this.': 'Tallet er mindre enn dette.',
  'The date is this day or later.': 'Datoen er denne dagen eller senere.',
  'The date is this day or earlier.': 'Datoen er denne dagen eller tidligere.',
  'The date is later than this day.': 'Datoen er senere enn denne dagen.',
  'The date is earlier than this day.': 'Datoen er tidligere enn denne dagen.',
  // law in time
  'A calendar date `YYYY-MM-DD`.': 'En kalenderdato `ÅÅÅÅ-MM-DD` (skrives `YYYY-MM-DD`).',
  'The earliest date accepted (`YYYY-MM-DD`).': 'Den tidligste datoen som godtas (`YYYY-MM-DD`).',
  'The latest date accepted (`YYYY-MM-DD`).': 'Den seneste datoen som godtas (`YYYY-MM-DD`).',
  '`decision-date`: absent, the fact is the date the decision is made for; `none`: absent means none.':
    '`decision-date`: mangler faktumet, er det datoen avgjørelsen treffes for; `none`: mangler betyr ingen.',
  'When the source is in force; a rule citing it applies only then, and a decision lists it only then.':
    'Når kilden gjelder; en regel som viser til den, gjelder bare da, og en avgjørelse viser den bare da.',
  'The first day in force (`YYYY-MM-DD`).': 'Den første dagen den gjelder (`YYYY-MM-DD`).',
  'The first day no longer in force (`YYYY-MM-DD`); the day before is the last.':
    'Den første dagen den ikke lenger gjelder (`YYYY-MM-DD`); dagen før er den siste.',
  'When this is in force: `{ from, until }` as dates `YYYY-MM-DD`, `until` exclusive; either end may be left open.':
    'Når dette gjelder: `{ from, until }` som datoer `YYYY-MM-DD`, `until` ikke medregnet; hver ende kan stå åpen.',
  'The European Legislation Identifier (ELI) of a statute or regulation.':
    'Den europeiske lovidentifikatoren (ELI) for en lov eller forskrift.',
  'The date of the consolidated text that was read (`YYYY-MM-DD`).': 'Datoen for den konsoliderte teksten som ble lest (`YYYY-MM-DD`).',
  'When this policy is in force: every rule of it is in force only inside this window.':
    'Når denne policyen gjelder: hver regel i den gjelder bare innenfor dette vinduet.',
  "When every rule of this outcome is in force (within the policy's window).":
    'Når hver regel for dette utfallet gjelder (innenfor policyens vindu).',
  "When this rule is in force (within its policy's window); versions of a rule share its `id`.":
    'Når denne regelen gjelder (innenfor policyens vindu); versjoner av en regel har samme `id`.',
  'When the duty is in force: the gate checks it only in the periods inside this window.':
    'Når plikten gjelder: porten kontrollerer den bare i periodene innenfor dette vinduet.',
  'A setting has this value.': 'En innstilling har denne verdien.',
  'Every condition in the list holds.': 'Alle vilkårene i listen er oppfylt.',
  'At least one condition in the list holds.': 'Minst ett vilkår i listen er oppfylt.',
  'The condition does not hold.': 'Vilkåret er ikke oppfylt.',
  'A named condition of this document (`conditions:`).': 'Et navngitt vilkår i dette dokumentet (`conditions:`).',
  // scenarios
  'Reviewer-written scenario tests.': 'Testscenarier skrevet av fagpersonene.',
  'The decision point every scenario of this file asks (declared in policy-set.yaml).':
    'Beslutningspunktet hvert scenario i denne filen spør (oppgitt i policy-set.yaml).',
  'A test case: these facts give these outcomes.': 'Et testtilfelle: disse faktaene gir disse utfallene.',
  "The point, when it differs from the file's `point`.": 'Beslutningspunktet, når det er et annet enn filens `point`.',
  'The facts of the incident: vocabulary facts and their values.': 'Faktaene om hendelsen: fakta fra vokabularet og verdiene deres.',
  "These must be among the outcome's requires.": 'Disse må være blant utfallets `requires`.',
  'Why the expectation holds: a source id, or a sentence.': 'Hvorfor forventningen gjelder: en kilde-id, eller en setning.',
  // duties
  'A catalogue of legal duties that the regulation gate checks against every fact combination.':
    'En katalog over rettslige plikter som forskriftskontrollen prøver mot hver kombinasjon av fakta.',
  'The id of this catalogue.': 'Id-en til denne katalogen.',
  'The scope of every duty in the catalogue: only fact combinations where this holds are checked.':
    'Virkeområdet for hver plikt i katalogen: bare kombinasjoner av fakta der dette er oppfylt, kontrolleres.',
  'One legal duty and how it is checked.': 'Én rettslig plikt og hvordan den kontrolleres.',
  'The id of the duty, e.g. `23a-4-c`.': 'Id-en til plikten, f.eks. `23a-4-c`.',
  'The legal sources of the duty: ids from policies/sources/*.yaml.': 'Rettsgrunnlaget for plikten: id-er fra policies/sources/*.yaml.',
  'An invariant over decisions.': 'En regel som skal holde for alle beslutninger.',
  'For every fact combination where `when` holds, the decision at `point` meets `expect`.':
    'For hver kombinasjon av fakta der `when` er oppfylt, oppfyller beslutningen i `point` kravet i `expect`.',
  'A decision point (policy-set.yaml).': 'Et beslutningspunkt (policy-set.yaml).',
  'Only fact combinations where this holds (default: every combination).':
    'Bare kombinasjoner av fakta der dette er oppfylt (standard: alle kombinasjoner).',
  'The outcome has this status (or one of these).': 'Utfallet har denne statusen (eller en av disse).',
  'The outcome has at least this status.': 'Utfallet har minst denne statusen.',
  'The weakest status accepted, in the order required > recommended > permitted > not-permitted or absent: `atLeast: recommended` accepts required or recommended.':
    'Den svakeste statusen som godtas, i rekkefølgen required > recommended > permitted > not-permitted eller absent: `atLeast: recommended` godtar påkrevd eller anbefalt.',
  'At least one of these outcomes has at least this status.': 'Minst ett av disse utfallene har minst denne statusen.',
  'Two decision points that must agree.': 'To beslutningspunkter som må stemme overens.',
  'Two decision points agree: for every fact combination where `when` holds and the `if` decision has its status, the `then` decision meets its expectation. Facts not fixed by `with` are the same on both sides.':
    'To beslutningspunkter stemmer overens: for hver kombinasjon av fakta der `when` er oppfylt og `if`-beslutningen har sin status, oppfyller `then`-beslutningen kravet sitt. Fakta som `with` ikke fastsetter, er de samme på begge sider.',
  'The decision that binds: `point` (with the facts `with` fixes) gives `outcome` this status.':
    'Beslutningen som binder: `point` (med faktaene `with` fastsetter) gir `outcome` denne statusen.',
  'Facts fixed on this side only, e.g. `{ recipient: police }`; every other fact is the same on both sides or ranges over its whole domain.':
    'Fakta som fastsettes bare på denne siden, f.eks. `{ recipient: police }`; alle andre fakta er de samme på begge sider eller tar alle sine verdier.',
  'What the other decision must then give: `point` (with the facts `with` fixes) gives `outcome` this status.':
    'Hva den andre beslutningen da må gi: `point` (med faktaene `with` fastsetter) gir `outcome` denne statusen.',
  'One status, or a list: the outcome must have one of them.': 'Én status, eller en liste: utfallet må ha en av dem.',
  'A status, or `absent` when the decision leaves the outcome out.': 'En status, eller `absent` når beslutningen utelater utfallet.',
  'At least one of these outcomes has this status (or one of these).':
    'Minst ett av disse utfallene har denne statusen (eller en av disse).',
  'Whenever the outcome is live (required, recommended or permitted) it carries this limit, at most this number. A limit taken from a setting is checked at the highest value the setting allows.':
    'Når utfallet er aktuelt (påkrevd, anbefalt eller tillatt), har det denne grensen, høyst dette tallet. En grense hentet fra en innstilling kontrolleres med den høyeste verdien innstillingen tillater.',
  'Whenever the outcome is live (required, recommended or permitted), its `requires` include these ids.':
    'Når utfallet er aktuelt (påkrevd, anbefalt eller tillatt), inneholder `requires` disse id-ene.',
  'Whenever the outcome is live, its `requires` include these ids.': 'Når utfallet er aktuelt, inneholder `requires` disse id-ene.',
  'A coverage requirement.': 'Et dekningskrav.',
  'At least one outcome that can be live (required, recommended or permitted) cites this source in its basis.':
    'Minst ett utfall som kan være aktuelt (påkrevd, anbefalt eller tillatt), viser til denne kilden i grunnlaget.',
  'The source some outcome must cite.': 'Kilden et utfall må vise til.',
  'Only outcomes of this point count.': 'Bare utfall i dette beslutningspunktet teller.',
};

export function bokmalDescription(english: string): string | undefined {
  return Object.hasOwn(bokmal, english) ? bokmal[english] : undefined;
}
