/** The people view's data (listPeople): loaded when the page shows, again on pull-down. */
import { useCallback, useState } from 'react'
import type { PersonView } from '@/api/actions'
import { api } from '@/services/api'
import { distinctNames } from '@/selectors/names'

export function usePeople() {
  const [people, setPeople] = useState<PersonView[] | null>(null)
  const [failed, setFailed] = useState(false)
  const reload = useCallback(async () => {
    try {
      // two different people called Bo are told apart here too
      setPeople(distinctNames((await api('listPeople', {})).people))
      setFailed(false)
    } catch {
      setFailed(true)
    }
  }, [])
  return { people, failed, reload }
}
