"""Sample data for ``informa demo``: Dr. Sam Rivera's informational-interview pipeline.

Sam is a postdoc in computational biology exploring data science, biotech R&D, product
management and UX research. Every company, person, address and link here is fictional.

This module is pure data. All dates are integer day offsets relative to the demo's "today",
which the seeding code decides: ``-3`` is three days ago, ``0`` is today, ``5`` is in five days.
Question references are full ids (``bank/topic/question``) from the bundled question banks, and
the headings in interview notes repeat those questions' exact text.
"""

from __future__ import annotations

from typing import TypedDict


class CompanySample(TypedDict):
    name: str
    industry: str
    website: str
    research: str


class ContactSample(TypedDict):
    key: str
    name: str
    role: str
    company: str | None
    email: str
    linkedin: str
    location: str
    source: str
    referred_by: str | None
    stage: str
    tags: list[str]
    next_action: str
    next_due: int | None
    notes: str


class InterviewSample(TypedDict):
    contact: str
    day: int
    start: str
    minutes: int
    target: int
    link: str
    consent: str
    thank_you_day: int | None
    status: str
    questions: list[str]
    asked: list[str]
    notes: str


class ActivitySample(TypedDict):
    contact: str
    kind: str
    day: int
    detail: str


COMPANIES: list[CompanySample] = [
    {
        "name": "Lumen Analytics",
        "industry": "Data & ML startup (product analytics)",
        "website": "https://lumenanalytics.example",
        "research": """\
Product-analytics SaaS for consumer apps (Series C, ~400 people, remote-first, HQ Oakland).
**Jargon:** A/B tests, CUPED, guardrail metrics, activation, retention cohorts, "metric trees".
**Stack (from eng blog):** Snowflake, dbt, Hex notebooks, Looker.
**Competitors:** Amplitude, Mixpanel, Heap, Statsig (experimentation).
**Recent news:** launched "Lumen Experiments" (self-serve A/B testing); hiring freeze lifted in Q3.
**Links:**
- Engineering blog: https://lumenanalytics.example/blog/engineering
- Talk: "Variance reduction in practice" (Maya Okafor, data science meetup)
**Why me:** experiment design + stats from my postdoc; lots of PhDs on the DS team.""",
    },
    {
        "name": "Helix Forge Bio",
        "industry": "Biotech (ML-guided antibody discovery)",
        "website": "https://helixforge.example",
        "research": """\
ML-first antibody discovery, ~120 people, South San Francisco. Series B ($140M).
**Jargon:** developability, CDRs, affinity maturation, lab-in-the-loop, design-make-test cycles.
**Stack:** Nextflow on AWS Batch, Benchling as the LIMS, PyTorch protein language models.
**Competitors:** Absci, Generate Biomedicines, BigHat, in-house teams at big pharma.
**Recent news:**
- Partnership with a top-10 pharma on 3 oncology targets (milestones up to $600M)
- Preprint on predicting aggregation from sequence (Daniel Cho is a co-author)
**Roles to watch:** Bioinformatics Engineer, Computational Scientist, ML Scientist.
**Links:** https://helixforge.example/science, https://helixforge.example/careers""",
    },
    {
        "name": "Cascadia Systems",
        "industry": "Big tech (cloud and consumer software)",
        "website": "https://cascadia.example",
        "research": """\
Large cloud + consumer software company (~90k employees). Health & life sciences unit sits in
Cascadia Cloud.
**Jargon:** PRD, OKRs, L-levels (L4-L7), "two-pager", launch review, TAM.
**Products I care about:** Cascadia Genomics (managed Nextflow/WDL workflows), HealthLake-style
data store, research UX team in the Health org.
**Competitors:** AWS HealthOmics, Google Cloud Life Sciences, Microsoft Azure for Health, DNAnexus.
**Recent news:** layoffs in consumer hardware (Jan); Health org still hiring PMs + UX research.
**Links:**
- https://cascadia.example/cloud/genomics
- Research UX team blog: https://cascadia.example/design/research""",
    },
    {
        "name": "Brightline Partners",
        "industry": "Management consulting (life sciences practice)",
        "website": "https://brightline-partners.example",
        "research": """\
Boutique strategy consultancy, ~900 people; Life Sciences practice ~60 consultants (Boston, SF).
**Jargon:** due diligence (DD), asset assessment, KOL interviews, market sizing, "so what",
pyramid principle, utilization, engagement manager (EM).
**Work:** pharma R&D portfolio strategy, commercial launch planning, PE/VC diligence.
**Competitors:** ZS, L.E.K., Putnam, ClearView, McKinsey/BCG life sciences practices.
**PhD route:** hires PhDs as Associates; case interviews (market sizing + "should we license it").
**Links:**
- Case prep guide: https://brightline-partners.example/careers/case-prep
- PhD recruiting events (every autumn): https://brightline-partners.example/phd""",
    },
    {
        "name": "Varenne Pharmaceuticals",
        "industry": "Pharma (oncology and immunology)",
        "website": "https://varenne-pharma.example",
        "research": """\
Mid-size global pharma (~18k employees), US R&D hub in Cambridge, MA.
**Jargon:** translational science, biomarkers, companion diagnostics, MoA, Phase I-III,
Medical Affairs, MSL (Medical Science Liaison), KOLs, real-world evidence (RWE).
**Comp bio:** Translational Data Science group (~40 people) inside Research; single-cell + spatial.
**Competitors:** Regeneron, Vertex, Ipsen, Incyte.
**Recent news:** Phase III readout of their IL-23 antibody (positive); new AI/ML hub announced.
**Links:**
- Pipeline: https://varenne-pharma.example/pipeline
- Medical Affairs careers: https://varenne-pharma.example/careers/medical-affairs""",
    },
    {
        "name": "Cedar Ridge National Laboratory",
        "industry": "Government research lab",
        "website": "https://cedarridge-lab.test",
        "research": """\
Federally funded national lab; Biosciences division runs a computational biology group
(~25 staff scientists) on microbiome and bioenergy genomics, plus a big HPC center.
**Jargon:** staff scientist, PI-led programs, FTE, LDRD (internal seed funding), user facility.
**Pros:** research freedom, stable funding, publishing is normal, good work-life balance.
**Cons:** slower hiring (3-6 months), citizenship/clearance rules for some roles.
**Similar places:** other national labs, Broad/Allen-style nonprofit institutes.
**Links:**
- Computational biology group: https://cedarridge-lab.test/biosciences/compbio
- Postdoc-to-staff pathway: https://cedarridge-lab.test/careers/early-career""",
    },
    {
        "name": "Fieldnote Studio",
        "industry": "Design and UX research agency",
        "website": "https://fieldnotestudio.example",
        "research": """\
Independent design + research agency, ~35 people, clients mostly health tech and fintech.
**Jargon:** discovery research, usability testing, synthesis, affinity mapping, JTBD,
research ops, readouts, "insights repository".
**Tools:** Dovetail, FigJam, Maze, User Interviews (participant recruiting).
**Competitors:** IDEO (bigger), Frog, small specialist shops; in-house UXR teams.
**Recent news:** published a case study on redesigning a patient-portal onboarding flow;
Rachel Adeyemi gave a UXPA talk on mixed-methods research.
**Links:** https://fieldnotestudio.example/work, https://fieldnotestudio.example/writing""",
    },
    {
        "name": "Terraloop",
        "industry": "Climate tech (soil carbon measurement)",
        "website": "https://terraloop.example",
        "research": """\
Measures and verifies soil carbon for regenerative-agriculture credits, ~70 people, Denver.
**Jargon:** MRV (measurement, reporting, verification), remote sensing, soil cores,
Bayesian hierarchical models, carbon credits, additionality, registries (Verra).
**Stack:** Python, PyMC, Google Earth Engine, dbt.
**Competitors:** Indigo Ag, Regrow, Perennial, Agreena.
**Recent news:** rumoured Series B; new partnership with a large grain cooperative.
**Why me:** hierarchical models + messy field data are close to what I did with single-cell data.
**Links:** https://terraloop.example/science, https://terraloop.example/jobs""",
    },
    {
        "name": "Quillfeather Health",
        "industry": "Digital health (care navigation)",
        "website": "https://quillfeather.example",
        "research": """\
Care-navigation app sold to employers and health plans, ~250 people, NYC + remote.
**Jargon:** member engagement, PMPM, HIPAA, care gaps, claims data, clinical workflows,
discovery vs delivery (PM), dual-track agile.
**Teams:** product squads of 1 PM + 1 designer + 1 UX researcher + 5-6 engineers.
**Competitors:** Included Health, Accolade, Transcarent, Quantum Health.
**Recent news:** launched AI symptom-checker triage; SOC 2 Type II certified.
**Links:**
- Product blog: https://quillfeather.example/blog/product
- Aisha Rahman's post "Designing for members who never open the app":
  https://quillfeather.example/blog/product/members-who-never-open-the-app""",
    },
]


CONTACTS: list[ContactSample] = [
    {
        "key": "maya",
        "name": "Maya Okafor",
        "role": "Senior Data Scientist",
        "company": "Lumen Analytics",
        "email": "maya.okafor@lumenanalytics.example",
        "linkedin": "https://www.linkedin.com/in/maya-okafor-phd",
        "location": "Oakland, CA",
        "source": "alumni",
        "referred_by": None,
        "stage": "in_touch",
        "tags": ["data-science", "alumni", "experimentation"],
        "next_action": "Check in: share SQL course progress and the A/B test write-up",
        "next_due": 12,
        "notes": "Same PhD program, four years ahead. Very generous with time; prefers email.",
    },
    {
        "key": "daniel",
        "name": "Daniel Cho",
        "role": "Bioinformatics Engineer",
        "company": "Helix Forge Bio",
        "email": "dcho@helixforge.example",
        "linkedin": "https://www.linkedin.com/in/daniel-cho-bioinfo",
        "location": "South San Francisco, CA",
        "source": "referral",
        "referred_by": "maya",
        "stage": "in_touch",
        "tags": ["biotech", "bioinformatics", "pipelines"],
        "next_action": "Send link to my Nextflow port on GitHub and ask for feedback",
        "next_due": -2,
        "notes": "Maya's intro. Hard stops on the hour. Co-author on the developability preprint.",
    },
    {
        "key": "tomas",
        "name": "Tomás Herrera",
        "role": "Consultant, Life Sciences",
        "company": "Brightline Partners",
        "email": "tomas.herrera@brightline-partners.example",
        "linkedin": "https://www.linkedin.com/in/tomasherrera",
        "location": "Boston, MA",
        "source": "event",
        "referred_by": None,
        "stage": "closed",
        "tags": ["consulting"],
        "next_action": "",
        "next_due": None,
        "notes": "Met at the BIO career fair. Candid about hours and travel; consulting parked.",
    },
    {
        "key": "wei",
        "name": "Wei Zhang",
        "role": "Product Manager, Genomics",
        "company": "Cascadia Systems",
        "email": "",
        "linkedin": "https://www.linkedin.com/in/wei-zhang-pm",
        "location": "Seattle, WA",
        "source": "community",
        "referred_by": None,
        "stage": "interviewed",
        "tags": ["product", "big-tech", "genomics"],
        "next_action": "Send thank-you on Slack and ask who else to talk to",
        "next_due": -9,
        "notes": "Found via her AMA in the PhD-to-Product Slack. Asked not to be recorded.",
    },
    {
        "key": "rachel",
        "name": "Rachel Adeyemi",
        "role": "Senior UX Researcher",
        "company": "Fieldnote Studio",
        "email": "rachel@fieldnotestudio.example",
        "linkedin": "https://www.linkedin.com/in/rachel-adeyemi-uxr",
        "location": "San Francisco, CA",
        "source": "association",
        "referred_by": None,
        "stage": "interviewed",
        "tags": ["ux-research", "agency", "mixed-methods"],
        "next_action": "Send thank-you and mention research ops",
        "next_due": 0,
        "notes": "Found in the UXPA member directory after her mixed-methods talk.",
    },
    {
        "key": "aisha",
        "name": "Aisha Rahman",
        "role": "Product Manager",
        "company": "Quillfeather Health",
        "email": "aisha.rahman@quillfeather.example",
        "linkedin": "https://www.linkedin.com/in/aisharahman-product",
        "location": "New York, NY (remote)",
        "source": "linkedin",
        "referred_by": None,
        "stage": "scheduled",
        "tags": ["product", "digital-health"],
        "next_action": "Prep: read the symptom-checker launch post and pick 6 questions",
        "next_due": 1,
        "notes": "Replied within a day. Former neuroscience postdoc.",
    },
    {
        "key": "ines",
        "name": "Inés Castillo",
        "role": "Research Scientist II",
        "company": "Varenne Pharmaceuticals",
        "email": "ines.castillo@varenne-pharma.example",
        "linkedin": "https://www.linkedin.com/in/ines-castillo-compbio",
        "location": "Cambridge, MA",
        "source": "referral",
        "referred_by": "daniel",
        "stage": "scheduled",
        "tags": ["pharma", "translational", "single-cell"],
        "next_action": "Confirm the time (she is on Eastern time) and send a short agenda",
        "next_due": 4,
        "notes": "Moved from Helix Forge to Varenne. Asked for 30 minutes instead of 25.",
    },
    {
        "key": "priya",
        "name": "Priya Nair",
        "role": "Growth Analytics Lead",
        "company": "Lumen Analytics",
        "email": "priya.nair@lumenanalytics.example",
        "linkedin": "https://www.linkedin.com/in/priyanair-analytics",
        "location": "Remote (Austin, TX)",
        "source": "referral",
        "referred_by": "maya",
        "stage": "reached_out",
        "tags": ["data-science", "growth"],
        "next_action": "Last gentle follow-up, mention Maya again",
        "next_due": -1,
        "notes": "Maya says she is slow on email but kind; try LinkedIn if no reply.",
    },
    {
        "key": "grace",
        "name": "Grace Liu",
        "role": "Engagement Manager",
        "company": "Brightline Partners",
        "email": "",
        "linkedin": "https://www.linkedin.com/in/grace-liu-em",
        "location": "Boston, MA",
        "source": "referral",
        "referred_by": "tomas",
        "stage": "prospect",
        "tags": ["consulting", "parked"],
        "next_action": "",
        "next_due": None,
        "notes": "Ex-immunology postdoc, runs Brightline's PhD recruiting. Parked for now.",
    },
    {
        "key": "kenji",
        "name": "Kenji Watanabe",
        "role": "UX Researcher",
        "company": "Quillfeather Health",
        "email": "",
        "linkedin": "https://www.linkedin.com/in/kenjiwatanabe-ux",
        "location": "Brooklyn, NY",
        "source": "referral",
        "referred_by": "rachel",
        "stage": "prospect",
        "tags": ["ux-research", "digital-health"],
        "next_action": "Write a short intro message mentioning Rachel",
        "next_due": 2,
        "notes": "Academia, then agency, then in-house. Works alongside Aisha's squad?",
    },
    {
        "key": "olu",
        "name": "Oluwaseun Bello",
        "role": "Computational Staff Scientist",
        "company": "Cedar Ridge National Laboratory",
        "email": "obello@cedarridge-lab.test",
        "linkedin": "",
        "location": "Cedar Ridge, TN",
        "source": "alumni",
        "referred_by": None,
        "stage": "reached_out",
        "tags": ["government-lab", "alumni", "microbiome"],
        "next_action": "Propose three time slots for a 25-minute call",
        "next_due": 0,
        "notes": "Goes by Olu. Postdoc in my current lab before my time.",
    },
    {
        "key": "sofia",
        "name": "Sofia Marchetti",
        "role": "Data Scientist, MRV",
        "company": "Terraloop",
        "email": "",
        "linkedin": "https://www.linkedin.com/in/sofia-marchetti-ds",
        "location": "Denver, CO",
        "source": "linkedin",
        "referred_by": None,
        "stage": "reached_out",
        "tags": ["climate", "data-science", "bayesian"],
        "next_action": "Nudge once if no reply",
        "next_due": 3,
        "notes": "Posts about hierarchical models for soil carbon. Ecology PhD.",
    },
    {
        "key": "marcus",
        "name": "Marcus Johnson",
        "role": "Medical Science Liaison",
        "company": "Varenne Pharmaceuticals",
        "email": "marcus.johnson@varenne-pharma.example",
        "linkedin": "https://www.linkedin.com/in/marcus-johnson-msl",
        "location": "Chicago, IL",
        "source": "cold",
        "referred_by": None,
        "stage": "reached_out",
        "tags": ["pharma", "medical-affairs"],
        "next_action": "Final follow-up, then close if no answer",
        "next_due": -4,
        "notes": "Email guessed from the company format. MSLs travel a lot; try Tue/Wed.",
    },
    {
        "key": "noor",
        "name": "Noor Haddad",
        "role": "Principal Scientist, Computational Biology",
        "company": "Helix Forge Bio",
        "email": "",
        "linkedin": "https://www.linkedin.com/in/noorhaddad",
        "location": "South San Francisco, CA",
        "source": "association",
        "referred_by": None,
        "stage": "prospect",
        "tags": ["biotech", "protein-ml"],
        "next_action": "Draft outreach through the ISCB member directory",
        "next_due": 5,
        "notes": "Senior; ask Daniel first whether a cold message is OK.",
    },
    {
        "key": "lena",
        "name": "Lena Fischer",
        "role": "Independent UX Research Consultant",
        "company": None,
        "email": "hello@lenafischer.example",
        "linkedin": "",
        "location": "Berkeley, CA",
        "source": "other",
        "referred_by": None,
        "stage": "prospect",
        "tags": ["ux-research", "freelance"],
        "next_action": "Message her after her UXPA talk",
        "next_due": 9,
        "notes": "Met at Jess's dinner party. Said she's happy to chat about freelancing.",
    },
    {
        "key": "ethan",
        "name": "Ethan Brooks",
        "role": "Director of Data Science",
        "company": "Cascadia Systems",
        "email": "",
        "linkedin": "https://www.linkedin.com/in/ethanbrooks-ds",
        "location": "Seattle, WA",
        "source": "cold",
        "referred_by": None,
        "stage": "closed",
        "tags": ["data-science", "big-tech"],
        "next_action": "",
        "next_due": None,
        "notes": "No reply after three messages. Too senior for a cold ask; try via a referral.",
    },
    {
        "key": "beatrice",
        "name": "Beatrice Mensah",
        "role": "Associate Director, Clinical Data Science",
        "company": "Varenne Pharmaceuticals",
        "email": "beatrice.mensah@varenne-pharma.example",
        "linkedin": "https://www.linkedin.com/in/beatricemensah",
        "location": "Cambridge, MA",
        "source": "association",
        "referred_by": None,
        "stage": "closed",
        "tags": ["pharma", "clinical-data"],
        "next_action": "",
        "next_due": None,
        "notes": "Declined kindly: busy quarter (Phase III readout). Said try again in spring.",
    },
    {
        "key": "hannah",
        "name": "Hannah Kim",
        "role": "UX Research Lead, Health",
        "company": "Cascadia Systems",
        "email": "",
        "linkedin": "https://www.linkedin.com/in/hannahkim-uxr",
        "location": "Seattle, WA",
        "source": "community",
        "referred_by": None,
        "stage": "reached_out",
        "tags": ["ux-research", "big-tech"],
        "next_action": "Confirm a 20-minute slot next week",
        "next_due": 0,
        "notes": "From the Women in UX Research Slack. Replied the next morning.",
    },
    {
        "key": "jonas",
        "name": "Jonas Lindqvist",
        "role": "Head of Data",
        "company": "Terraloop",
        "email": "",
        "linkedin": "https://www.linkedin.com/in/jonaslindqvist",
        "location": "Denver, CO",
        "source": "event",
        "referred_by": None,
        "stage": "prospect",
        "tags": ["climate", "data-science"],
        "next_action": "Reconnect once the Series B news is out",
        "next_due": 14,
        "notes": "Met at the Climate Tech meetup. Sofia is on his team.",
    },
    {
        "key": "amara",
        "name": "Amara Nwosu",
        "role": "Staff Scientist, Bioenergy Genomics",
        "company": "Cedar Ridge National Laboratory",
        "email": "anwosu@cedarridge-lab.test",
        "linkedin": "",
        "location": "Cedar Ridge, TN",
        "source": "referral",
        "referred_by": "olu",
        "stage": "prospect",
        "tags": ["government-lab", "genomics"],
        "next_action": "Reach out mentioning Olu",
        "next_due": 6,
        "notes": "Olu suggested her in his reply: she moved from a postdoc to staff in 2022.",
    },
    {
        "key": "mateo",
        "name": "Mateo Silva",
        "role": "Design Research Director",
        "company": "Fieldnote Studio",
        "email": "",
        "linkedin": "https://www.linkedin.com/in/mateosilva-research",
        "location": "San Francisco, CA",
        "source": "linkedin",
        "referred_by": None,
        "stage": "prospect",
        "tags": ["ux-research", "agency"],
        "next_action": "",
        "next_due": None,
        "notes": "Accepted my connection request. Rachel's manager; wait before reaching out.",
    },
    {
        "key": "ravi",
        "name": "Ravi Shankar",
        "role": "Independent Biotech Strategy Consultant",
        "company": None,
        "email": "ravi@shankar-advisory.example",
        "linkedin": "https://www.linkedin.com/in/ravishankar-biotech",
        "location": "San Diego, CA",
        "source": "cold",
        "referred_by": None,
        "stage": "reached_out",
        "tags": ["consulting", "biotech", "freelance"],
        "next_action": "Follow up if no reply",
        "next_due": 2,
        "notes": "Ex-Brightline, now advises seed-stage biotechs. Writes a good newsletter.",
    },
    {
        "key": "zoe",
        "name": "Zoe Martin",
        "role": "Co-founder",
        "company": None,
        "email": "",
        "linkedin": "https://www.linkedin.com/in/zoe-martin-climate",
        "location": "Oakland, CA",
        "source": "event",
        "referred_by": None,
        "stage": "prospect",
        "tags": ["climate", "startup"],
        "next_action": "Watch her demo-day pitch before reaching out",
        "next_due": 7,
        "notes": "Stealth climate startup (ocean alkalinity?). Met at the Bay Area Climate meetup.",
    },
    {
        "key": "yusuf",
        "name": "Yusuf Demir",
        "role": "Machine Learning Engineer",
        "company": "Lumen Analytics",
        "email": "",
        "linkedin": "https://www.linkedin.com/in/yusufdemir-ml",
        "location": "Remote (Toronto)",
        "source": "community",
        "referred_by": None,
        "stage": "reached_out",
        "tags": ["ml", "data-science"],
        "next_action": "Decide: one last nudge or close",
        "next_due": -9,
        "notes": "DM'd in the MLOps community Slack. Two messages, no reply yet.",
    },
]


INTERVIEWS: list[InterviewSample] = [
    {
        "contact": "maya",
        "day": -42,
        "start": "16:00",
        "minutes": 28,
        "target": 25,
        "link": "https://zoom.us/j/84512345678",
        "consent": "yes",
        "thank_you_day": -41,
        "status": "done",
        "questions": [
            "core/opening/get-started",
            "core/job-role/typical-day",
            "core/job-role/skills-used",
            "core/career-path/team-origins",
            "core/advice/learn-first",
            "core/advice/academic-mistakes",
            "core/industry-trends/ai-impact",
            "core/closing/who-else",
            "core/closing/should-have-asked",
        ],
        "asked": [
            "core/opening/get-started",
            "core/job-role/typical-day",
            "core/job-role/skills-used",
            "core/advice/learn-first",
            "core/advice/academic-mistakes",
            "core/closing/who-else",
            "core/closing/should-have-asked",
        ],
        "notes": """\
Call w/ Maya, video on, she's in a quiet room at the Lumen office
Same PhD program as me, 4 yrs ahead
## [00:35] How did you get your start in this field?
PhD in structural bio, postdoc 2y, left when the R01 renewal didn't come through
Did an 8-wk data science fellowship - "useful for the network, not the content"
First job: analyst at a health-insurance startup, moved to Lumen 3y ago
I: ~40% of the Lumen DS team has a PhD, mostly physics + bio
## [04:50] What does a typical day or week look like for you?
Mon: planning w/ PM + eng. Tue-Thu mostly heads-down analysis, 1-2 stakeholder reviews
Fri: "experiment review" - whole DS team critiques A/B test designs
I: team is 6 DS + 2 analytics eng, reports to VP Product (not eng!)
~30% of her time is writing: docs, readouts, Slack summaries. Surprised me
## [09:30] What skills do you use most in this role?
SQL >> Python day to day. Stats: experiment design, power, CUPED, causal inference basics
"Knowing which question is worth answering" - that's the PhD part
Storytelling w/ data: 1 slide, 1 number, 1 recommendation
I: stack = dbt + Snowflake + Hex notebooks, Looker for dashboards
## [14:20] If you were in my position, what would you learn or brush up on first?
A: learn SQL properly before anything else, not just pandas - window functions, CTEs
A: do one end-to-end A/B test analysis on a public dataset, write it up like a memo
Recs: Mode SQL tutorial, Kohavi "Trustworthy Online Controlled Experiments"
TODO: borrow Kohavi book from the library
## [19:05] What mistakes do you see academics make when they apply for industry roles?
6-page CV w/ every poster. Recruiter reads it for 10 sec
Talking methods for 5 min before getting to the result
A: lead w/ the impact + the decision it enabled, methods only if asked
A: don't say "I just want to learn" - say what you'd bring
Over-apologizing for "no industry experience" - a postdoc IS experience
## [23:40] Who else do you think I should talk to?
R: Daniel Cho — bioinformatics eng at Helix Forge, ex-labmate of her partner
R: Priya Nair — Growth analytics lead at Lumen, says mention her name
She'll email Daniel first w/ a heads-up
TODO: send Maya my GitHub link so she can forward it to Daniel
## [26:10] Is there anything I should have asked but didn't?
"Ask about the team's data maturity" - tells you if you'd be building pipes or doing science
Wrapped at 28 min, she was fine w/ the overrun
TODO: thank-you email tonight, mention the Kohavi book
""",
    },
    {
        "contact": "daniel",
        "day": -28,
        "start": "11:30",
        "minutes": 24,
        "target": 25,
        "link": "https://meet.google.com/xkq-rvbt-zpa",
        "consent": "not_asked",
        "thank_you_day": -27,
        "status": "done",
        "questions": [
            "core/opening/current-focus",
            "core/job-role/typical-day",
            "core/job-role/tools",
            "academia-to-industry/transferable-skills/phd-skills-valued",
            "academia-to-industry/research-roles/pace-publishing",
            "core/culture/who-thrives",
            "core/closing/who-else",
            "core/closing/mention-name",
        ],
        "asked": [
            "core/opening/current-focus",
            "core/job-role/tools",
            "academia-to-industry/transferable-skills/phd-skills-valued",
            "academia-to-industry/research-roles/pace-publishing",
            "core/closing/who-else",
            "core/closing/mention-name",
        ],
        "notes": """\
Call w/ Daniel (Maya's intro). Google Meet, hard stop at :25 so skipped typical day
## [00:50] What are you working on these days that you're most excited about?
Developability model: predicts antibody aggregation from sequence
I: Helix Forge = ML-guided antibody discovery, ~120 ppl, ~15 in comp bio
Pipeline runs on Nextflow + AWS Batch, he owns the QC + feature stages
"half my job is making sure wet lab data is usable"
## [05:30] Which tools, languages, or platforms do you rely on day to day?
Python (polars now, not pandas), Nextflow, Docker, a bit of Rust for a parser (!)
I: Benchling is the lab's source of truth, everything keyed on Benchling IDs
Git + code review on every PR - big change from the lab "scripts" folder
A: learn Nextflow or Snakemake properly, containerize one of my postdoc pipelines
TODO: port my RNA-seq Snakemake pipeline to Nextflow + Docker, put it on GitHub
## [10:15] Which skills from your PhD turned out to be most valuable in industry?
Debugging messy biological data, knowing when a result is "too good"
Reading papers fast + telling the team which ones matter
Talking to wet lab scientists in their language - rare in pure SWE hires
A: on the resume call it cross-functional work w/ experimental teams, w/ numbers
## [14:40] How does industry research differ in pace and publishing?
Quarters not years. Projects killed if no signal in ~6 wks
Publishing allowed but IP review adds 2-3 months, ~1 preprint/yr for the team
I: eng ladder (L3-L6) separate from scientist ladder (Sci I - Principal)
I: they send 2-3 ppl/yr to ISMB, posters OK after legal review
He's fine w/ fewer papers, misses conferences a bit
## [19:20] Who else do you think I should talk to?
R: Inés Castillo — Research Scientist II at Varenne Pharma, translational comp bio, ex-Helix
"she moved from biotech to pharma, good contrast for you"
Maybe someone on Helix's ML platform team - he'll think about it
## [22:05] May I mention that you suggested I reach out?
Yes - use his name + "developability" so she remembers the connection
TODO: email Inés this week, 4 sentences max
TODO: thank-you note tomorrow, attach nothing
""",
    },
    {
        "contact": "tomas",
        "day": -20,
        "start": "08:30",
        "minutes": 31,
        "target": 30,
        "link": "https://teams.microsoft.com/l/meetup-join/19%3ameeting_brightline-4417",
        "consent": "yes",
        "thank_you_day": -19,
        "status": "done",
        "questions": [
            "core/opening/get-started",
            "core/job-role/typical-project",
            "core/culture/hours",
            "core/career-path/growth-paths",
            "academia-to-industry/hiring-process/phd-in-interviews",
            "core/advice/stand-out",
            "core/closing/who-else",
            "core/closing/follow-up-months",
        ],
        "asked": [
            "core/opening/get-started",
            "core/job-role/typical-project",
            "core/culture/hours",
            "academia-to-industry/hiring-process/phd-in-interviews",
            "core/advice/stand-out",
            "core/closing/who-else",
            "core/closing/follow-up-months",
        ],
        "notes": """\
Teams call w/ Tomás (met at the BIO career fair). His camera off, on a train?
## [00:45] How did you get your start in this field?
Neuroscience PhD, no postdoc. Joined Brightline straight after as an Associate
Ran the grad school case club - "that's what got me the interview"
I: Brightline LS practice ~60 consultants, mostly pharma R&D portfolio + commercial strategy
## [05:20] What kind of projects would someone new to your team typically take on?
Due diligence for PE/VC (asset assessments, 2-3 wk sprints)
Pipeline prioritization for mid-size pharma, market sizing, KOL interviews
I: new Associates are usually on 2 projects in parallel, 8-12 wks each
"You build the Excel model + the 'so what' slide by week 2"
A: practice market sizing out loud - books are fine but do live cases w/ a partner
## [11:00] What are typical working hours like, and are there busy seasons?
55-65 h/wk typical, DD sprints worse. Travel ~2 days/wk to clients again
Q4 planning season busy, summer quieter
I: utilization target ~75%, bench time goes to internal proposals
Honest: "if you want predictable evenings, not here"
## [16:30] How did your PhD experience come up in your interviews?
Interviewers cared about 1 thing: can he structure an ambiguous problem
PhD = credibility w/ R&D clients, esp. reading trial data
Case interviews: 2 rounds, 1 market sizing + 1 "should the client in-license this asset"
A: prep 3 stories - team conflict, convincing someone senior, a failure
## [21:45] What makes a candidate coming from academia stand out to your team?
Hypothesis-first thinking: "answer first, then support it"
Comfort w/ not knowing + asking clarifying questions
Any client-like work: case club, pro bono projects for nonprofits
A: do one pro-bono project w/ a local nonprofit so I have a real deliverable
## [26:10] Who else do you think I should talk to?
R: Grace Liu — Engagement Manager, Brightline LS practice, ex-immunology postdoc
Grace runs the PhD recruiting events, "she'll tell you the real timeline"
## [28:30] Would it be alright if I followed up with you in a few months \
to tell you how things went?
Yes, LinkedIn is best
My gut: travel + hours = not for me right now. Good to know early
TODO: thank-you + ask whether the pro-bono idea makes sense outside consulting
""",
    },
    {
        "contact": "wei",
        "day": -10,
        "start": "17:15",
        "minutes": 22,
        "target": 20,
        "link": "https://zoom.us/j/91234098765",
        "consent": "no",
        "thank_you_day": None,
        "status": "done",
        "questions": [
            "core/opening/role-explained",
            "core/job-role/success-measured",
            "core/career-path/pivot-moment",
            "academia-to-industry/transferable-skills/skills-to-unlearn",
            "core/advice/side-project",
            "core/closing/who-else",
            "core/closing/stay-in-touch",
        ],
        "asked": [
            "core/opening/role-explained",
            "core/job-role/success-measured",
            "core/career-path/pivot-moment",
            "academia-to-industry/transferable-skills/skills-to-unlearn",
            "core/advice/side-project",
            "core/closing/stay-in-touch",
        ],
        "notes": """\
Wei, PM for Cascadia Genomics. Found via the PhD-to-Product Slack AMA
She asked not to record - notes only
## [00:30] How would you describe your role to someone outside your industry?
"I decide what we build next and why, then make sure it actually ships"
Owns the roadmap for the managed workflow service (Nextflow/WDL runs)
I: 1 PM : 8 eng : 1 designer; PMs report to a Director of Product, not eng
## [03:40] How is success measured in your role, and who decides?
Quarterly OKRs - adoption (active workspaces), reliability, enterprise revenue
I: this year's big metric = time-to-first-successful-run for new customers
Qualitative too: 4-6 customer interviews a month
A: learn the basic product vocab: activation, retention, NPS, ARR
## [08:10] Was there a point where you changed direction, and what prompted it?
Was a data scientist for 2y, kept being the one talking to customers
Her PM lead asked her to switch -> internal transfer
A: "get a DS/analyst/scientist role at a product company first, then move" - most common path
Applying as a PM straight from a postdoc is rare at Cascadia, easier at startups
## [12:30] Which academic habits did you have to unlearn?
Perfectionism: "70% confident is enough to decide"
Long docs - a PRD is 2 pages max, lead w/ the problem
Working alone. PM is 90% talking
I: writes ~1 PRD/month, reviews design docs weekly
## [16:20] What kind of side project would best show that I can do this work?
Pick a bio tool I use (Galaxy, Benchling...), write a 2-page product teardown
+ interview 3 real users about it
Or ship a tiny tool used by 5 people in my institute and track usage
A: if I maintain lab software, frame it as "I ran a product for 10 users"
TODO: write a teardown of our lab's LIMS, interview 3 lab mates
## [20:15] What's the best way to stay in touch?
Slack DM is fine, she's active in #career-pivots
Out of time - never got to the referral question. Ask over Slack
TODO: thank-you on Slack + ask who else (ML platform PM?)
""",
    },
    {
        "contact": "rachel",
        "day": -1,
        "start": "13:00",
        "minutes": 26,
        "target": 25,
        "link": "https://zoom.us/j/83310067452",
        "consent": "yes",
        "thank_you_day": None,
        "status": "done",
        "questions": [
            "core/opening/what-drew-you",
            "core/job-role/typical-day",
            "core/job-role/stakeholders",
            "academia-to-industry/transferable-skills/domain-expertise",
            "core/advice/portfolio",
            "core/industry-trends/ai-impact",
            "core/closing/who-else",
            "core/closing/should-have-asked",
        ],
        "asked": [
            "core/opening/what-drew-you",
            "core/job-role/typical-day",
            "core/job-role/stakeholders",
            "core/advice/portfolio",
            "core/industry-trends/ai-impact",
            "core/closing/who-else",
            "core/closing/should-have-asked",
        ],
        "notes": """\
Rachel @ Fieldnote Studio, Senior UXR. Zoom, she was 3 min late (back-to-back day)
Cognitive psych PhD -> UXR for 6 yrs
## [00:20] What drew you to this kind of work in the first place?
Loved running studies, hated waiting 2 years for a paper
"UXR is running a study every 3 weeks and someone acts on it"
I: Fieldnote = ~35 ppl agency, clients mostly health tech + fintech
## [03:45] What does a typical day or week look like for you?
Usually 2 client projects. A week = 3-5 interviews or usability sessions + synthesis
Synthesis in Dovetail/FigJam, readout deck every 2-3 wks
I: agency = more variety, less depth; in-house = depth + more politics
Recruiting participants is the hidden time sink (uses a recruiting platform)
## [08:30] Who uses or depends on your work, and how do you hear from them?
Client PMs + designers, sometimes execs at readouts
Success = a decision changed. She follows up 1 month after each readout
A: end every research plan w/ "decisions this will inform"
## [12:10] Would a portfolio, GitHub profile, or case study help someone like me, \
and what should be in it?
Yes - 2-3 case studies, NOT papers. Problem -> method -> what changed
Mixed methods is a plus, my survey + stats work counts!
A: turn the patient-portal interviews (side project w/ the clinic) into case study #1
A: 1 page each w/ visuals, hiring managers skim
TODO: draft case study #1 this week - she offered to look at it
## [17:40] How is AI changing the way your team works?
AI notetakers + auto-tagging for synthesis: faster but "you still watch the tapes"
Clients asking for "synthetic users" - she's skeptical
I: quant UXR demand up (surveys, log analysis), junior pure-qual roles down
## [21:15] Who else do you think I should talk to?
R: Kenji Watanabe — in-house UXR at Quillfeather Health, ex-Fieldnote
"he did the academia -> agency -> in-house route"
Also: UXPA Bay Area monthly meetup, 2nd Thursday
## [24:20] Is there anything I should have asked but didn't?
"Ask people about research ops" - growing role, good fit for organized PhDs
TODO: thank-you email + mention research ops + the case study offer
""",
    },
    {
        "contact": "aisha",
        "day": 2,
        "start": "10:00",
        "minutes": 0,
        "target": 25,
        "link": "https://zoom.us/j/87766554433",
        "consent": "not_asked",
        "thank_you_day": None,
        "status": "scheduled",
        "questions": [
            "core/opening/time-check",
            "core/opening/current-focus",
            "core/job-role/typical-day",
            "core/job-role/success-measured",
            "core/culture/decisions-made",
            "core/career-path/team-origins",
            "academia-to-industry/transferable-skills/communicating-results",
            "core/closing/who-else",
        ],
        "asked": [],
        "notes": "",
    },
    {
        "contact": "ines",
        "day": 6,
        "start": "15:30",
        "minutes": 0,
        "target": 30,
        "link": "https://teams.microsoft.com/l/meetup-join/19%3ameeting_varenne-2291",
        "consent": "not_asked",
        "thank_you_day": None,
        "status": "scheduled",
        "questions": [
            "core/opening/get-started",
            "academia-to-industry/leaving-academia/decision-to-leave",
            "academia-to-industry/research-roles/research-agenda",
            "academia-to-industry/research-roles/pace-publishing",
            "academia-to-industry/hiring-process/application-timing",
            "core/industry-trends/heading",
            "core/closing/who-else",
            "core/closing/mention-name",
        ],
        "asked": [],
        "notes": "",
    },
]


ACTIVITIES: list[ActivitySample] = [
    # Maya: alumni, the first call and still the warmest contact.
    {"contact": "maya", "kind": "connected", "day": -52, "detail": "Found via alumni directory"},
    {"contact": "maya", "kind": "outreach", "day": -50, "detail": "Email: alumni intro, 25 min"},
    {"contact": "maya", "kind": "reply", "day": -48, "detail": "Happy to chat, sent Calendly"},
    {"contact": "maya", "kind": "stage_change", "day": -48, "detail": "Reached out → Scheduled"},
    {"contact": "maya", "kind": "call", "day": -42, "detail": "28 min on Zoom"},
    {"contact": "maya", "kind": "stage_change", "day": -42, "detail": "Scheduled → Interviewed"},
    {"contact": "maya", "kind": "thank_you", "day": -41, "detail": "Email; mentioned Kohavi book"},
    {"contact": "maya", "kind": "message", "day": -35, "detail": "She sent SQL practice links"},
    {"contact": "maya", "kind": "stage_change", "day": -35, "detail": "Interviewed → In touch"},
    {"contact": "maya", "kind": "check_in", "day": -14, "detail": "Shared A/B test write-up draft"},
    {"contact": "maya", "kind": "reply", "day": -13, "detail": "Feedback: cut the methods section"},
    # Daniel: Maya's referral; replied the next day.
    {"contact": "daniel", "kind": "outreach", "day": -40, "detail": "Email mentioning Maya"},
    {"contact": "daniel", "kind": "reply", "day": -39, "detail": "Replied next day with 3 slots"},
    {"contact": "daniel", "kind": "stage_change", "day": -39, "detail": "Reached out → Scheduled"},
    {"contact": "daniel", "kind": "call", "day": -28, "detail": "24 min on Google Meet"},
    {"contact": "daniel", "kind": "thank_you", "day": -27, "detail": "Email thank-you"},
    {"contact": "daniel", "kind": "message", "day": -20, "detail": "Sent Helix's Nextflow post"},
    {"contact": "daniel", "kind": "stage_change", "day": -20, "detail": "Interviewed → In touch"},
    {"contact": "daniel", "kind": "check_in", "day": -5, "detail": "Nextflow port half done"},
    # Tomás: met at a career fair; consulting turned out not to be a fit.
    {"contact": "tomas", "kind": "connected", "day": -34, "detail": "Met at BIO career fair booth"},
    {"contact": "tomas", "kind": "outreach", "day": -33, "detail": "LinkedIn note re: the fair"},
    {"contact": "tomas", "kind": "reply", "day": -31, "detail": "Offered 30 min, early morning"},
    {"contact": "tomas", "kind": "call", "day": -20, "detail": "31 min on Teams"},
    {"contact": "tomas", "kind": "thank_you", "day": -19, "detail": "LinkedIn message"},
    {"contact": "tomas", "kind": "stage_change", "day": -15, "detail": "Interviewed → Closed"},
    # Wei: Slack community; thank-you still not sent.
    {"contact": "wei", "kind": "connected", "day": -25, "detail": "Joined her Slack AMA"},
    {"contact": "wei", "kind": "outreach", "day": -24, "detail": "Slack DM after the AMA"},
    {"contact": "wei", "kind": "reply", "day": -23, "detail": "Yes, 20 min after work"},
    {"contact": "wei", "kind": "stage_change", "day": -23, "detail": "Reached out → Scheduled"},
    {"contact": "wei", "kind": "call", "day": -10, "detail": "22 min on Zoom, no recording"},
    {"contact": "wei", "kind": "stage_change", "day": -10, "detail": "Scheduled → Interviewed"},
    {"contact": "wei", "kind": "note", "day": -8, "detail": "Still owe her a thank-you!"},
    # Rachel: UXPA directory; the call was yesterday.
    {"contact": "rachel", "kind": "outreach", "day": -16, "detail": "Email via UXPA directory"},
    {"contact": "rachel", "kind": "reply", "day": -12, "detail": "Suggested a lunchtime call"},
    {"contact": "rachel", "kind": "stage_change", "day": -12, "detail": "Reached out → Scheduled"},
    {"contact": "rachel", "kind": "call", "day": -1, "detail": "26 min on Zoom"},
    {"contact": "rachel", "kind": "stage_change", "day": -1, "detail": "Scheduled → Interviewed"},
    # Aisha: LinkedIn, a booster who replied within a day.
    {"contact": "aisha", "kind": "connected", "day": -14, "detail": "LinkedIn connection"},
    {"contact": "aisha", "kind": "outreach", "day": -13, "detail": "LinkedIn message"},
    {"contact": "aisha", "kind": "reply", "day": -12, "detail": "Booked via her Calendly"},
    {"contact": "aisha", "kind": "stage_change", "day": -12, "detail": "Reached out → Scheduled"},
    # Inés: Daniel's referral; slow reply, she was at a conference.
    {"contact": "ines", "kind": "outreach", "day": -24, "detail": "Email mentioning Daniel"},
    {"contact": "ines", "kind": "reply", "day": -10, "detail": "Back from AACR, happy to talk"},
    {"contact": "ines", "kind": "stage_change", "day": -9, "detail": "Reached out → Scheduled"},
    {"contact": "ines", "kind": "message", "day": -3, "detail": "Asked for 30 min; said yes"},
    # Priya: Maya's referral; no reply yet.
    {"contact": "priya", "kind": "outreach", "day": -38, "detail": "Email mentioning Maya"},
    {"contact": "priya", "kind": "outreach", "day": -20, "detail": "Gentle follow-up"},
    # Grace and Kenji: referrals noted, not contacted yet.
    {"contact": "grace", "kind": "note", "day": -19, "detail": "Tomás's suggestion; parked"},
    {"contact": "kenji", "kind": "note", "day": -1, "detail": "Rachel's suggestion"},
    # Olu: alumni; replied and suggested Amara.
    {"contact": "olu", "kind": "connected", "day": -9, "detail": "Found via alumni directory"},
    {"contact": "olu", "kind": "outreach", "day": -8, "detail": "Email: same lab, 25 min?"},
    {"contact": "olu", "kind": "reply", "day": -2, "detail": "Yes; also suggested Amara"},
    {"contact": "amara", "kind": "note", "day": -2, "detail": "Olu's suggestion"},
    # Sofia, Marcus, Ravi, Yusuf: outreach without answers so far.
    {"contact": "sofia", "kind": "connected", "day": -7, "detail": "Accepted connection request"},
    {"contact": "sofia", "kind": "outreach", "day": -6, "detail": "LinkedIn message re: her post"},
    {"contact": "marcus", "kind": "outreach", "day": -21, "detail": "Cold email"},
    {"contact": "marcus", "kind": "outreach", "day": -11, "detail": "Follow-up #1"},
    {"contact": "ravi", "kind": "outreach", "day": -6, "detail": "Cold email re: his newsletter"},
    {"contact": "yusuf", "kind": "outreach", "day": -30, "detail": "Slack DM, MLOps community"},
    {"contact": "yusuf", "kind": "outreach", "day": -19, "detail": "Follow-up DM"},
    # Prospects found at events, associations and elsewhere.
    {"contact": "noor", "kind": "note", "day": -6, "detail": "Found in ISCB member directory"},
    {"contact": "lena", "kind": "note", "day": -11, "detail": "Met at Jess's dinner"},
    {"contact": "jonas", "kind": "connected", "day": -15, "detail": "Met at Climate Tech meetup"},
    {"contact": "jonas", "kind": "note", "day": -15, "detail": "Said to ping after funding news"},
    {"contact": "mateo", "kind": "connected", "day": -20, "detail": "Accepted connection request"},
    {"contact": "zoe", "kind": "connected", "day": -3, "detail": "Met at Bay Area Climate meetup"},
    # Ethan: cold, never replied. Beatrice: declined kindly.
    {"contact": "ethan", "kind": "outreach", "day": -45, "detail": "Cold LinkedIn InMail"},
    {"contact": "ethan", "kind": "outreach", "day": -35, "detail": "Follow-up #1"},
    {"contact": "ethan", "kind": "outreach", "day": -25, "detail": "Follow-up #2 (last)"},
    {"contact": "ethan", "kind": "stage_change", "day": -18, "detail": "Reached out → Closed"},
    {"contact": "beatrice", "kind": "connected", "day": -30, "detail": "Met at ISCB chapter mixer"},
    {"contact": "beatrice", "kind": "outreach", "day": -29, "detail": "Email after the mixer"},
    {"contact": "beatrice", "kind": "reply", "day": -27, "detail": "Declined: busy until spring"},
    {"contact": "beatrice", "kind": "stage_change", "day": -27, "detail": "Reached out → Closed"},
    # Hannah: Slack community, replied the next morning.
    {"contact": "hannah", "kind": "connected", "day": -5, "detail": "Women in UXR Slack"},
    {"contact": "hannah", "kind": "outreach", "day": -4, "detail": "Slack DM"},
    {"contact": "hannah", "kind": "reply", "day": -3, "detail": "Yes, 20 min next week"},
]


PITCH = {
    "background": (
        "Postdoc in computational biology (PhD 2022): six years of RNA-seq pipelines, "
        "stats and messy lab data. Exploring data science, biotech R&D, product and UX research."
    ),
    "goals": (
        "Learn what the first year in these roles is really like, which skills matter "
        "most, and who else I should talk to."
    ),
    "skills": (
        "Designing analyses end to end, from question to decision\n"
        "Explaining results to people who are not specialists\n"
        "Python, R, SQL basics; Snakemake pipelines\n"
        "Mentoring students; running a lab's shared software"
    ),
}
"""Sam's pitch card, shown when preparing a call and during it (f4)."""
