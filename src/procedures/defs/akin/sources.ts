/** The sources only the Akin cites, open or percutaneous (the shared ones: clinical/references.ts). */
export const AKIN_SOURCES: Readonly<Record<number, string>> = {
  18: 'musculoskeletalkey.com/akin-osteotomy',
  19: 'Operative Techniques in Orthopaedic Surgery, Akin chapter',
  20: 'podiatrytoday.com/article/6812',
  21: 'Testa et al., corrective power of the Akin osteotomy (PMC12248868)',
  22: 'podiatrytoday.com, emerging fixation for the Akin osteotomy',
};
