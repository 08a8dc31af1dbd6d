/** Where each page of the multi-page HTML report lives in its folder, relative to the folder. */

/** A file name from a name of the model: lower-case letters, digits and dashes. */
export const pageSlug = (s: string): string => s.toLowerCase().replace(/[^a-z0-9-]+/g, '-');

export const INDEX_PAGE = 'index.html';
export const tenantPage = (name: string): string => `tenants/${pageSlug(name)}.html`;
export const departmentPage = (department: string): string => `departments/${pageSlug(department)}.html`;
