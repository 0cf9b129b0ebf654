import type { Locale } from '../domain/locales.ts';

/**
 * What the server-rendered head says, in the store's four languages: page titles and
 * descriptions for link previews and search results. The web store's own catalogues
 * (web/src/i18n) take the site's name and tagline from here.
 */
export interface PageText {
  siteName: string;
  tagline: string;
  /** The store's description (home page, and any page without its own). */
  description: string;
  home: string;
  shops: string;
  shopsDescription: string;
  search: string;
  sell: string;
  sellDescription: string;
  notFound: string;
  /** A category page's description: `{category}` is its name. */
  categoryDescription: string;
  /** A product page's description when the artisan wrote none in any language: `{title}`, `{shop}`. */
  productFallback: string;
  /** A shop's description when its story is empty: `{shop}`, `{town}`. */
  shopFallback: string;
}

export const PAGE_TEXT: Record<Locale, PageText> = {
  ar: {
    siteName: 'سوق الداخلة',
    tagline: 'صناعة الداخلة – وادي الذهب التقليدية، مباشرة من الورشات',
    description: 'لكل صانع وتعاونية ومجموعة متجرها الخاص. اشترِ مباشرة ممن يصنعون.',
    home: 'الرئيسية',
    shops: 'كل الورشات',
    shopsDescription: 'ورشات وتعاونيات جهة الداخلة – وادي الذهب وإبداعاتها.',
    search: 'بحث',
    sell: 'بيعوا إبداعاتكم في سوق الداخلة',
    sellDescription: 'افتحوا متجركم الخاص وبيعوا لزبناء في المغرب والخارج.',
    notFound: 'الصفحة غير موجودة',
    categoryDescription: '{category}: صناعة يدوية من صناع وتعاونيات الداخلة – وادي الذهب، مباشرة من ورشاتهم.',
    productFallback: '{title}، صنعته ورشة {shop} في الداخلة – وادي الذهب.',
    shopFallback: '{shop}، ورشة في {town}، على سوق الداخلة.',
  },
  fr: {
    siteName: 'Dakhla Market',
    tagline: 'L’artisanat de Dakhla – Oued Ed-Dahab, en direct des ateliers',
    description: 'Chaque artisan, coopérative et groupement a sa boutique. Vous achetez directement à celles et ceux qui créent.',
    home: 'Accueil',
    shops: 'Tous les ateliers',
    shopsDescription: 'Les ateliers et coopératives de Dakhla – Oued Ed-Dahab et leurs créations.',
    search: 'Recherche',
    sell: 'Vendez vos créations sur Dakhla Market',
    sellDescription: 'Ouvrez votre boutique et vendez au Maroc et à l’étranger.',
    notFound: 'Page introuvable',
    categoryDescription: '{category} : fait main par les artisans et coopératives de Dakhla – Oued Ed-Dahab, en direct de leurs ateliers.',
    productFallback: '{title}, fait main par {shop} à Dakhla – Oued Ed-Dahab.',
    shopFallback: '{shop}, atelier à {town}, sur Dakhla Market.',
  },
  en: {
    siteName: 'Dakhla Market',
    tagline: 'Crafts of Dakhla – Oued Ed-Dahab, straight from the workshops',
    description: 'Every artisan, cooperative and group has its own shop. You buy directly from the people who make.',
    home: 'Home',
    shops: 'All workshops',
    shopsDescription: 'The workshops and cooperatives of Dakhla – Oued Ed-Dahab and what they make.',
    search: 'Search',
    sell: 'Sell your work on Dakhla Market',
    sellDescription: 'Open your own shop and sell in Morocco and abroad.',
    notFound: 'Page not found',
    categoryDescription: '{category}: handmade by the artisans and cooperatives of Dakhla – Oued Ed-Dahab, straight from their workshops.',
    productFallback: '{title}, handmade by {shop} in Dakhla – Oued Ed-Dahab.',
    shopFallback: '{shop}, a workshop in {town}, on Dakhla Market.',
  },
  es: {
    siteName: 'Dakhla Market',
    tagline: 'Artesanía de Dakhla – Oued Ed-Dahab, directa de los talleres',
    description: 'Cada artesano, cooperativa y agrupación tiene su propia tienda. Compra directamente a quienes crean.',
    home: 'Inicio',
    shops: 'Todos los talleres',
    shopsDescription: 'Los talleres y cooperativas de Dakhla – Oued Ed-Dahab y sus creaciones.',
    search: 'Búsqueda',
    sell: 'Venda sus creaciones en Dakhla Market',
    sellDescription: 'Abra su propia tienda y venda en Marruecos y en el extranjero.',
    notFound: 'Página no encontrada',
    categoryDescription: '{category}: hecho a mano por los artesanos y cooperativas de Dakhla – Oued Ed-Dahab, directo de sus talleres.',
    productFallback: '{title}, hecho a mano por {shop} en Dakhla – Oued Ed-Dahab.',
    shopFallback: '{shop}, taller en {town}, en Dakhla Market.',
  },
};

/** Open Graph's locale of each language (`og:locale`). */
export const OG_LOCALES: Record<Locale, string> = { ar: 'ar_MA', fr: 'fr_FR', en: 'en_GB', es: 'es_ES' };

export const fill = (template: string, params: Record<string, string>) => template.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
