/**
 * CLINICAL.md's shared sources, numbered as there: each as its citation text (author, title,
 * journal and year as written there; citations are not translated). Shared: the measurements' and
 * the planning's own sources, and those several operations cite. A source only one operation cites
 * lives with that operation (`sources` in its definition); the registry joins the two
 * (`REFERENCES`), and the schema checks every number an operation cites is found.
 */
export const SHARED_REFERENCES: Readonly<Record<number, string>> = {
  1: 'jfootankleres.biomedcentral.com/articles/10.1186/1757-1146-2-15 (table 1)',
  2: 'pmc.ncbi.nlm.nih.gov/articles/PMC4638376 (table 1)',
  3: 'wiki.radiology.wisc.edu/index.php/Hallux_Valgus_Measurements',
  4: 'pmc.ncbi.nlm.nih.gov/articles/PMC5713710',
  28: 'Toepfer, MICA with K-wires first (PMC8767719; BMC Musculoskelet Disord 10.1186/s12891-021-04972-5)',
  29: 'Marudunayagam, MICA (Bone & Joint abstract)',
  30: 'Effect of sequential burr passes on minimally invasive Akin (Amsterdam UMC)',
  32: 'BMC Musculoskelet Disord 10.1186/s12891-023-06706-1 (fluoroscopy time)',
  33: 'appropedia.org, Mechanical Axis Deviation and HKA',
  34: 'pmc.ncbi.nlm.nih.gov/articles/PMC8458209 (table 3)',
  35: 'wheelessonline.com/orthopaedics/mechanical-axis',
  36: 'jocmr.org (dry femora, northern Greece)',
  37: 'Aitken 2021, Osteology 1:86–91 (standing full-length radiographs)',
  38: 'pmc.ncbi.nlm.nih.gov/articles/PMC9703208 (table 5, proximal tibia)',
  39: 'Advances in Radiology 2012, 679658 (bicondylar width)',
  40: 'BMC Musculoskelet Disord 10.1186/s12891-022-05734-7 (Fujisawa point)',
  41: 'ISAKOS 2015 congress abstract 8218',
  42: 'thekneesurgery.net, preoperative planning for HTO (Miniaci)',
  43: 'pubmed 32544971',
  44: 'Hernigou wedge height; also github.com/jmacot/knee-align',
  45: 'atm.amegroups.org/article/view/123325',
  46: 'atm.amegroups.org/article/view/105711',
  47: 'PMC8458209',
  48: 'new.wheelessonline.com, indications and contraindications for HTO',
  57: 'Curr Rev Musculoskelet Med, 10.1007/s12178-014-9233-z',
  58: 'aoj.amegroups.org/article/view/3715',
  59: "O'Malley, Arthrosc Tech 2016 (PMC5039957)",
  67: 'Deenik 2007, Foot Ankle Int: scarf versus chevron, RCT of 96 patients',
  68: 'Peng, meta-analysis of RCTs, chevron vs scarf (507 feet)',
  69: 'SERI vs chevron RCT, Indian J Orthop 2020, 10.1007/s43465-020-00209-0',
  71: 'J Orthop Surg Res 2019, 10.1186/s13018-019-1241-7 (scarf with and without Akin)',
  72: 'Front Surg 2023, 10.3389/fsurg.2023.1219614 (opening vs closing HTO)',
  73: 'Cheng 2019, J Orthop Surg Res, 10.1186/s13018-019-1222-x (meta-analysis)',
  74: 'Nerhus 2015, Knee Surg Sports Traumatol Arthrosc, 10.1007/s00167-015-3817-z',
  76: 'MacDessi 2021, Bone Joint J: the CPAK classification',
};
