import { CATEGORY_SLUGS, type Category, type CategorySlug } from '../../../shared/domain/catalogue.ts';
import type { Localized } from '../../../shared/domain/locales.ts';

/** The store's eight crafts, in the order the store lists them. */
const NAMES: Record<CategorySlug, Localized> = {
  leather: { ar: 'الجلد', fr: 'Cuir', en: 'Leather', es: 'Cuero' },
  pottery: { ar: 'الفخار', fr: 'Poterie', en: 'Pottery', es: 'Alfarería' },
  jewellery: { ar: 'الحلي الفضية', fr: 'Bijoux en argent', en: 'Silver jewellery', es: 'Joyería de plata' },
  textiles: { ar: 'الملحفة والنسيج', fr: 'Melhfa et textiles', en: 'Melhfa and textiles', es: 'Melhfa y textiles' },
  basketry: { ar: 'صناعة السلال', fr: 'Vannerie', en: 'Basketry', es: 'Cestería' },
  woodwork: { ar: 'الصناعة الخشبية', fr: 'Travail du bois', en: 'Woodwork', es: 'Artesanía en madera' },
  shellcraft: { ar: 'صناعة الأصداف', fr: 'Art du coquillage', en: 'Shell craft', es: 'Artesanía de conchas' },
  cosmetics: { ar: 'الأركان ومواد التجميل', fr: 'Argan et cosmétiques', en: 'Argan and cosmetics', es: 'Argán y cosmética' },
};

export const categories: Category[] = CATEGORY_SLUGS.map((slug, position) => ({ slug, name: NAMES[slug], position }));
