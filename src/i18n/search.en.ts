import type { zhCNSearch } from './search.zh-CN'

export const enSearch: Record<keyof typeof zhCNSearch, string> = {
  'search.title': 'Search expenses',
  'search.placeholder': 'Search descriptions, e.g. hotpot',
  'search.category': 'Category',
  'search.member': 'Involving',
  'search.any': 'Any',
  'search.dates': 'Dates',
  'search.from': 'From',
  'search.to': 'To',
  'search.clear': 'Clear',
  'search.none': 'No expense matches',
  'search.hint': 'Type some words or pick a filter to search',
  'search.found': '{count} found',
  'search.foundMore': '{count} shown, pull up for more'
}
